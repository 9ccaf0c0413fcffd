package dev.parley.client;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/** The command-line choices, handed from {@link Main} to the JavaFX application. */
public record AppOptions(URI server, Path dataDir, boolean demoPeer) {
    private static volatile AppOptions current;

    public boolean demo() {
        return server == null;
    }

    static void set(AppOptions options) {
        current = options;
    }

    static AppOptions get() {
        return current != null ? current : new AppOptions(null, defaultDataDir(), false);
    }

    /** The platform's user data directory: XDG on Linux, Application Support on macOS, AppData on Windows. */
    public static Path defaultDataDir() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return Path.of(appData != null ? appData : home, "Parley");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Parley");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".local", "share")).resolve("parley");
    }
}
