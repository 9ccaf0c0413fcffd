package dev.parley.client.settings;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * How the app looks on this computer, for every account: the theme and the text size, kept in
 * {@code appearance.properties} in the data directory. Read before the first window shows (off the FX thread);
 * changes are saved on the settings thread. The properties belong to the FX thread.
 */
public final class AppearanceSettings {
    /** The text sizes offered, in pixels; the root font size, which the app's em-based styles follow. */
    public static final List<Integer> TEXT_SIZES = List.of(12, 13, 14, 15, 16, 18, 20);
    public static final int DEFAULT_TEXT_SIZE = 14;

    private final PropertiesFile file;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final IntegerProperty textSize = new SimpleIntegerProperty(this, "textSize", DEFAULT_TEXT_SIZE);
    /** What the desktop prefers, for {@link Theme#SYSTEM}; not saved, asked again at each start. */
    private final BooleanProperty systemDark = new SimpleBooleanProperty(this, "systemDark");
    private final BooleanBinding dark = Bindings.createBooleanBinding(() -> theme.get() == Theme.DARK
            || theme.get() == Theme.SYSTEM && systemDark.get(), theme, systemDark);

    private AppearanceSettings(PropertiesFile file) {
        this.file = file;
    }

    /** Reads {@code appearance.properties} in {@code dataDir} now; call off the FX thread, before any window. */
    public static AppearanceSettings readNow(Path dataDir) {
        AppearanceSettings settings = new AppearanceSettings(
                new PropertiesFile(dataDir.resolve("appearance.properties"), "Parley appearance"));
        Properties read = settings.file.readNow();
        settings.theme.set(PropertiesFile.choice(read, "theme", Theme.class, Theme.LIGHT));
        settings.textSize.set(nearestSize((int) PropertiesFile.number(read, "textSize", DEFAULT_TEXT_SIZE)));
        settings.theme.addListener((obs, old, now) -> settings.save());
        settings.textSize.addListener((obs, old, now) -> settings.save());
        return settings;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public IntegerProperty textSizeProperty() {
        return textSize;
    }

    public BooleanProperty systemDarkProperty() {
        return systemDark;
    }

    /** Whether the dark theme applies now. */
    public BooleanBinding darkProperty() {
        return dark;
    }

    /** One of {@link #TEXT_SIZES}: a value from another version of the app snaps to the nearest. */
    static int nearestSize(int size) {
        int nearest = DEFAULT_TEXT_SIZE;
        for (int offered : TEXT_SIZES) {
            if (Math.abs(offered - size) < Math.abs(nearest - size)) {
                nearest = offered;
            }
        }
        return nearest;
    }

    private void save() {
        Properties snapshot = new Properties();
        snapshot.setProperty("theme", theme.get().name());
        snapshot.setProperty("textSize", Integer.toString(textSize.get()));
        file.write(snapshot);
    }
}
