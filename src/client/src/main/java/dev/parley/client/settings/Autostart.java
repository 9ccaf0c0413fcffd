package dev.parley.client.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * "Start at login" on Linux desktops: an XDG autostart entry, {@code parley.desktop} in
 * {@code $XDG_CONFIG_HOME/autostart}, that runs the installed launcher. Elsewhere, or when the app does not run
 * from an installed launcher, it is unavailable and says why. Blocking file work: call off the FX thread.
 */
public final class Autostart {
    /** Why start at login is not offered. */
    public enum Unavailable { NOT_LINUX, NOT_INSTALLED }

    private final Path dir;
    private final List<String> command;
    private final Unavailable unavailable;

    /**
     * @param dir the autostart folder
     * @param command the launcher and its arguments, empty when the app does not run from an installed launcher
     */
    public Autostart(Path dir, List<String> command, boolean linux) {
        this.dir = dir;
        this.command = List.copyOf(command);
        this.unavailable = !linux ? Unavailable.NOT_LINUX : command.isEmpty() ? Unavailable.NOT_INSTALLED : null;
    }

    /**
     * This desktop's: the launcher jpackage started ({@code jpackage.app-path}) with {@code arguments} (such as
     * the server), and the XDG autostart folder.
     */
    public static Autostart of(List<String> arguments) {
        String launcher = System.getProperty("jpackage.app-path");
        List<String> command = launcher == null || launcher.isBlank() ? List.of()
                : java.util.stream.Stream.concat(java.util.stream.Stream.of(launcher), arguments.stream()).toList();
        String config = System.getenv("XDG_CONFIG_HOME");
        Path base = config != null && !config.isBlank() ? Path.of(config)
                : Path.of(System.getProperty("user.home"), ".config");
        boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
        return new Autostart(base.resolve("autostart"), command, linux);
    }

    /** Empty when start at login can be turned on here. */
    public Optional<Unavailable> unavailable() {
        return Optional.ofNullable(unavailable);
    }

    public Path file() {
        return dir.resolve("parley.desktop");
    }

    public boolean enabled() {
        return Files.isRegularFile(file());
    }

    /** Writes or removes the autostart entry. */
    public void setEnabled(boolean enabled) throws IOException {
        if (!enabled) {
            Files.deleteIfExists(file());
            return;
        }
        if (unavailable != null) {
            throw new IllegalStateException("start at login is unavailable: " + unavailable);
        }
        Files.createDirectories(dir);
        Path partial = dir.resolve("parley.desktop.tmp");
        Files.writeString(partial, entry(), StandardCharsets.UTF_8);
        Files.move(partial, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The desktop entry, its Exec line quoted as the Desktop Entry Specification asks. */
    String entry() {
        return "[Desktop Entry]\n"
                + "Type=Application\n"
                + "Name=Parley\n"
                + "Comment=Direct messages\n"
                + "Exec=" + command.stream().map(Autostart::quoted).collect(Collectors.joining(" ")) + "\n"
                + "Terminal=false\n"
                + "X-GNOME-Autostart-enabled=true\n";
    }

    private static String quoted(String argument) {
        if (argument.matches("[A-Za-z0-9_./:=@+-]+")) {
            return argument;
        }
        String escaped = argument.replace("\\", "\\\\").replace("\"", "\\\"").replace("`", "\\`")
                .replace("$", "\\$");
        // In a desktop file's string value a backslash is itself escaped once more.
        return ("\"" + escaped + "\"").replace("\\", "\\\\").replace("%", "%%");
    }
}
