package dev.parley.client.settings;

import dev.parley.client.media.PhotoQuality;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * One account's desktop settings on this device, in {@code settings.properties} in its cache folder: close to
 * the tray, the default photo quality, and the size cap of the media cache. (Notifications keep their own file.)
 * Read and written on the settings thread; the properties change on the FX thread.
 */
public final class AccountSettings {
    /** Sizes are decimal megabytes, as the app writes file sizes. */
    private static final long MB = 1_000_000L;
    /** The media cache sizes offered. */
    public static final List<Long> CACHE_CAPS = List.of(250 * MB, 500 * MB, 1000 * MB, 2000 * MB, 5000 * MB);
    public static final long DEFAULT_CACHE_CAP = 500 * MB;

    private final PropertiesFile file;
    private final BooleanProperty closeToTray = new SimpleBooleanProperty(this, "closeToTray", true);
    private final ObjectProperty<PhotoQuality> photoQuality =
            new SimpleObjectProperty<>(this, "photoQuality", PhotoQuality.STANDARD);
    private final LongProperty mediaCacheCap = new SimpleLongProperty(this, "mediaCacheCap", DEFAULT_CACHE_CAP);
    private final CompletableFuture<Void> loaded = new CompletableFuture<>();

    private AccountSettings(Path file) {
        this.file = new PropertiesFile(file, "Parley settings for this account");
    }

    /** The settings in {@code settings.properties} of the account's cache folder; the defaults until read. */
    public static AccountSettings load(Path cacheDir, Executor fx) {
        AccountSettings settings = new AccountSettings(cacheDir.resolve("settings.properties"));
        settings.file.read().thenAccept(read -> fx.execute(() -> {
            settings.closeToTray.set(PropertiesFile.bool(read, "closeToTray", true));
            settings.photoQuality.set(PropertiesFile.choice(read, "photoQuality", PhotoQuality.class,
                    PhotoQuality.STANDARD));
            long cap = PropertiesFile.number(read, "mediaCacheCap", DEFAULT_CACHE_CAP);
            settings.mediaCacheCap.set(CACHE_CAPS.contains(cap) ? cap : DEFAULT_CACHE_CAP);
            settings.closeToTray.addListener((obs, old, now) -> settings.save());
            settings.photoQuality.addListener((obs, old, now) -> settings.save());
            settings.mediaCacheCap.addListener((obs, old, now) -> settings.save());
            settings.loaded.complete(null);
        }));
        return settings;
    }

    /** Completes on the FX thread once the file was read (or found absent). */
    public CompletableFuture<Void> loaded() {
        return loaded;
    }

    /** Closing the main window hides it to the tray (where there is one) instead of quitting. */
    public BooleanProperty closeToTrayProperty() {
        return closeToTray;
    }

    /** The quality the photo tray starts with; the tray's choice is remembered here too. */
    public ObjectProperty<PhotoQuality> photoQualityProperty() {
        return photoQuality;
    }

    /** The media cache's size cap in bytes, one of {@link #CACHE_CAPS}. */
    public LongProperty mediaCacheCapProperty() {
        return mediaCacheCap;
    }

    private void save() {
        Properties snapshot = new Properties();
        snapshot.setProperty("closeToTray", Boolean.toString(closeToTray.get()));
        snapshot.setProperty("photoQuality", photoQuality.get().name());
        snapshot.setProperty("mediaCacheCap", Long.toString(mediaCacheCap.get()));
        file.write(snapshot);
    }
}
