package dev.parley.client.ui.settings;

import dev.parley.client.media.PhotoQuality;
import dev.parley.client.settings.AccountSettings;
import dev.parley.client.sync.ChatSession;
import dev.parley.client.ui.ViewLoader;
import dev.parley.client.ui.common.Formats;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The Media page: the default photo quality, the media cache's size cap, what it holds, and emptying it. */
public final class MediaSettingsViewModel {
    private final ChatSession session;
    private final AccountSettings account;
    private final Formats formats;
    private final StringProperty use = new SimpleStringProperty(this, "use", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");

    public MediaSettingsViewModel(ChatSession session, AccountSettings account, Formats formats) {
        this.session = session;
        this.account = account;
        this.formats = formats;
        account.mediaCacheCapProperty().addListener((obs, old, cap) -> refreshUse());
    }

    /** Reads how much the cache holds (on the session's I/O thread). */
    public void refreshUse() {
        show(session.mediaCacheBytes(), "settings.cache.use");
    }

    /** Empties the cache but for the media of messages still waiting to be sent. */
    public void clear() {
        busy.set(true);
        use.set(ViewLoader.text("settings.cache.clearing"));
        show(session.clearMediaCache(), "settings.cache.cleared");
    }

    private void show(CompletableFuture<Long> bytes, String key) {
        bytes.whenComplete((held, failure) -> Platform.runLater(() -> {
            busy.set(false);
            use.set(failure != null ? ViewLoader.text("settings.cache.unknown")
                    : ViewLoader.text(key, formats.fileSize(held), formats.fileSize(account.mediaCacheCapProperty().get())));
        }));
    }

    public ObjectProperty<PhotoQuality> qualityProperty() {
        return account.photoQualityProperty();
    }

    public LongProperty capProperty() {
        return account.mediaCacheCapProperty();
    }

    public String capText(long bytes) {
        return formats.fileSize(bytes);
    }

    public StringProperty useProperty() {
        return use;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
