package dev.parley.client.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the desktop prefers dark colours, for "Follow system". JavaFX 21 cannot tell, so on Linux this asks
 * GNOME's settings ({@code gsettings get org.gnome.desktop.interface color-scheme}, then the GTK theme's name
 * for "-dark"); anywhere else, or when that fails, the answer is light. Starts a process: never on the FX thread.
 */
public final class SystemColorScheme {
    private static final Logger log = LoggerFactory.getLogger(SystemColorScheme.class);

    private SystemColorScheme() {
    }

    public static boolean prefersDark() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return false;
        }
        String scheme = gsettings("color-scheme");
        if (scheme.contains("prefer-dark")) {
            return true;
        }
        if (scheme.contains("prefer-light")) {
            return false;
        }
        return gsettings("gtk-theme").toLowerCase(Locale.ROOT).contains("-dark");
    }

    private static String gsettings(String key) {
        try {
            Process process = new ProcessBuilder("gsettings", "get", "org.gnome.desktop.interface", key)
                    .redirectErrorStream(true).start();
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "";
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.exitValue() == 0 ? out.strip() : "";
        } catch (IOException e) {
            log.debug("no gsettings here; the system theme counts as light: {}", e.toString());
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
