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
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the main window was and how the list and chat were divided, kept in {@code window.properties} in the
 * data folder so the next start looks the same. A placement that no longer fits any screen (a monitor was
 * unplugged) is ignored. Reading and writing are small, blocking file operations: not on the FX thread.
 */
public record WindowPlacement(double x, double y, double width, double height, boolean maximized, double divider) {
    private static final Logger log = LoggerFactory.getLogger(WindowPlacement.class);
    private static final String FILE = "window.properties";

    /** What the window shows now; call on the FX thread. */
    public static WindowPlacement of(Stage stage, double divider) {
        return new WindowPlacement(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                stage.isMaximized(), divider);
    }

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
                    Boolean.parseBoolean(properties.getProperty("maximized")), number(properties, "divider"));
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
        properties.setProperty("divider", Double.toString(divider));
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

    /** Puts the window where it was, if that is still on a screen; call on the FX thread. */
    public void applyTo(Stage stage) {
        boolean onScreen = !Screen.getScreensForRectangle(new Rectangle2D(x, y, width, height)).isEmpty();
        if (onScreen) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setWidth(Math.max(stage.getMinWidth(), width));
        stage.setHeight(Math.max(stage.getMinHeight(), height));
        stage.setMaximized(maximized);
    }

    private static double number(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("no " + key);
        }
        return Double.parseDouble(value.strip());
    }
}
