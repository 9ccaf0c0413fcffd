package dev.parley.client.ui.chat;

import java.awt.Desktop;
import java.io.IOException;
import java.net.URI;
import javafx.application.HostServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens links in the user's default browser, and downloaded files with the system's application for them: through the desktop's own handler where Java can reach it, else
 * through JavaFX's host services (which on Linux only looks for a few named browsers, not xdg-open).
 */
public final class SystemBrowser implements LinkOpener {
    private static final Logger log = LoggerFactory.getLogger(SystemBrowser.class);

    private final HostServices hostServices;

    public SystemBrowser(HostServices hostServices) {
        this.hostServices = hostServices;
    }

    @Override
    public void open(URI address) {
        // Both ways may wait on helper processes; the FX thread must not.
        Thread thread = new Thread(() -> {
            try {
                if ("file".equals(address.getScheme()) && Desktop.isDesktopSupported()
                        && Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
                    Desktop.getDesktop().open(new java.io.File(address));
                } else if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                    Desktop.getDesktop().browse(address);
                } else {
                    hostServices.showDocument(address.toASCIIString());
                }
            } catch (IOException | RuntimeException e) {
                log.warn("could not open {} in the browser", address, e);
            }
        }, "parley-open-link");
        thread.setDaemon(true);
        thread.start();
    }
}
