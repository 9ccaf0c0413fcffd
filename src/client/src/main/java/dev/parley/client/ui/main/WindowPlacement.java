package dev.parley.client.ui.main;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the main window was and how wide the conversation list was, kept in {@code window.properties} in the
 * data folder so the next start looks the same. {@code x}, {@code y}, {@code width} and {@code height} are the
 * window's normal (not maximised) bounds, so un-maximising after a restart goes back to them. Reading and
 * writing are small, blocking file operations: never on the FX thread.
 */
public record WindowPlacement(double x, double y, double width, double height, boolean maximized,
        double listWidth) {
    private static final Logger log = LoggerFactory.getLogger(WindowPlacement.class);
    static final String FILE = "window.properties";

    public static Optional<WindowPlacement> read(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
            WindowPlacement placement = new WindowPlacement(number(properties, "x"), number(properties, "y"),
                    number(properties, "width"), number(properties, "height"),
                    Boolean.parseBoolean(properties.getProperty("maximized")), number(properties, "listWidth"));
            return placement.width() >= 200 && placement.height() >= 200 ? Optional.of(placement) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            log.info("ignoring the saved window placement: {}", e.toString());
            return Optional.empty();
        }
    }

    public void write(Path dataDir) {
        Properties properties = new Properties();
        properties.setProperty("x", Double.toString(x));
        properties.setProperty("y", Double.toString(y));
        properties.setProperty("width", Double.toString(width));
        properties.setProperty("height", Double.toString(height));
        properties.setProperty("maximized", Boolean.toString(maximized));
        properties.setProperty("listWidth", Double.toString(listWidth));
        try {
            Files.createDirectories(dataDir);
            Path partial = dataDir.resolve(FILE + ".tmp");
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                properties.store(out, "Parley window placement");
            }
            Files.move(partial, dataDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("cannot save the window placement", e);
        }
    }

    /** The same placement with another list width. */
    public WindowPlacement withListWidth(double width) {
        return new WindowPlacement(x, y, this.width, height, maximized, width);
    }

    private static double number(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("no " + key);
        }
        double number = Double.parseDouble(value.strip());
        if (!Double.isFinite(number)) {
            throw new IllegalArgumentException(key + " is not a number");
        }
        return number;
    }
}
