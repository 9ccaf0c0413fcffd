package dev.parley.client.notify;

import dev.parley.client.settings.PropertiesFile;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One account's notification settings on this device, kept in a small properties file in its cache folder:
 * notifications on or off, message previews shown or hidden, Do not disturb until when, and muted conversations
 * until when ({@link #ALWAYS} for good). Read and written off the FX thread; the properties change on it.
 */
public final class NotificationSettings {
    /** A mute or Do not disturb without an end. */
    public static final Instant ALWAYS = Instant.ofEpochMilli(Long.MAX_VALUE);
    private static final Logger log = LoggerFactory.getLogger(NotificationSettings.class);

    private final PropertiesFile file;
    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled", true);
    private final BooleanProperty previews = new SimpleBooleanProperty(this, "previews", true);
    private final ObjectProperty<Instant> doNotDisturbUntil = new SimpleObjectProperty<>(this, "doNotDisturbUntil");
    private final ObservableMap<Long, Instant> mutedUntil = FXCollections.observableHashMap();
    private final CompletableFuture<Void> loaded = new CompletableFuture<>();
    private boolean applying;

    private NotificationSettings(Path file) {
        this.file = new PropertiesFile(file, "Parley notification settings");
    }

    /** The settings in {@code file}, read in the background; until then (and without a file) the defaults. */
    public static NotificationSettings load(Path file) {
        return load(file, Platform::runLater);
    }

    static NotificationSettings load(Path file, Executor fx) {
        NotificationSettings settings = new NotificationSettings(file);
        settings.file.read().thenAccept(read -> fx.execute(() -> {
            settings.apply(read);
            settings.listen();
            settings.loaded.complete(null);
        }));
        return settings;
    }

    /** Completes on the FX thread once the file was read (or found absent). */
    public CompletableFuture<Void> loaded() {
        return loaded;
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public BooleanProperty previewsProperty() {
        return previews;
    }

    /** Null when Do not disturb is off. */
    public ObjectProperty<Instant> doNotDisturbUntilProperty() {
        return doNotDisturbUntil;
    }

    /** Conversation id → muted until; a past time means no longer muted. */
    public ObservableMap<Long, Instant> mutedUntil() {
        return mutedUntil;
    }

    public Instant mutedUntil(long conversationId) {
        return mutedUntil.get(conversationId);
    }

    public void mute(long conversationId, Instant until) {
        if (until == null) {
            mutedUntil.remove(conversationId);
        } else {
            mutedUntil.put(conversationId, until);
        }
    }

    private void apply(Properties properties) {
        applying = true;
        try {
            // Only an explicit "false" turns something off: a damaged value keeps the default, on.
            enabled.set(PropertiesFile.bool(properties, "enabled", true));
            previews.set(PropertiesFile.bool(properties, "previews", true));
            doNotDisturbUntil.set(instant(properties.getProperty("doNotDisturbUntil")));
            for (String key : properties.stringPropertyNames()) {
                if (key.startsWith("mute.")) {
                    try {
                        mutedUntil.put(Long.parseLong(key.substring(5)), instant(properties.getProperty(key)));
                    } catch (NumberFormatException e) {
                        log.debug("ignoring {} in {}", key, file.path());
                    }
                }
            }
        } finally {
            applying = false;
        }
    }

    private void listen() {
        enabled.addListener((obs, old, now) -> save());
        previews.addListener((obs, old, now) -> save());
        doNotDisturbUntil.addListener((obs, old, now) -> save());
        mutedUntil.addListener((MapChangeListener<Long, Instant>) change -> save());
    }

    /** Writes a snapshot taken on the FX thread; the file is replaced atomically, so a crash leaves one or the other. */
    private void save() {
        if (applying) {
            return;
        }
        Properties snapshot = new Properties();
        snapshot.setProperty("enabled", Boolean.toString(enabled.get()));
        snapshot.setProperty("previews", Boolean.toString(previews.get()));
        if (doNotDisturbUntil.get() != null) {
            snapshot.setProperty("doNotDisturbUntil", Long.toString(doNotDisturbUntil.get().toEpochMilli()));
        }
        for (Map.Entry<Long, Instant> mute : mutedUntil.entrySet()) {
            snapshot.setProperty("mute." + mute.getKey(), Long.toString(mute.getValue().toEpochMilli()));
        }
        file.write(snapshot);
    }

    /** For tests: completes once every save asked for so far is on disk. */
    CompletableFuture<Void> flushed() {
        return PropertiesFile.flushed();
    }

    private static Instant instant(String millis) {
        if (millis == null || millis.isBlank()) {
            return null;
        }
        try {
            return Instant.ofEpochMilli(Long.parseLong(millis.strip()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
