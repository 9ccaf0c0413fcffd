package dev.parley.client.notify;

import dev.parley.client.ui.ViewLoader;
import java.awt.AWTException;
import java.awt.GraphicsEnvironment;
import java.awt.SystemTray;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Picks where notifications go: the system tray when the desktop has one, else popups in the app. */
public final class Notifiers {
    private static final Logger log = LoggerFactory.getLogger(Notifiers.class);

    private Notifiers() {
    }

    /** The tray when {@code trayAvailable} and it accepts an icon, otherwise the in-app fallback. */
    public static Notifier choose(boolean trayAvailable, Window owner, TrayNotifier.Actions actions) {
        if (trayAvailable) {
            try {
                return TrayNotifier.install(actions, ViewLoader::text);
            } catch (AWTException | RuntimeException e) {
                log.info("the system tray refused Parley's icon; notifications show inside the app: {}", e.toString());
            }
        }
        return new InAppNotifier(owner);
    }

    /** Whether this desktop has a system tray (never in a headless session). */
    public static boolean trayAvailable() {
        try {
            return !GraphicsEnvironment.isHeadless() && SystemTray.isSupported();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
