package dev.parley.client.ui.privacy;

import dev.parley.client.sync.ChatSession;
import dev.parley.client.ui.ViewLoader;
import dev.parley.protocol.DmPolicy;
import dev.parley.protocol.PresenceVisibility;
import dev.parley.protocol.Request;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Who can send the user direct messages, read receipts, and who sees them online: the server's current
 * settings, and saving new ones.
 */
public final class PrivacyViewModel {
    private final ChatSession session;
    private final ObjectProperty<DmPolicy> dmPolicy = new SimpleObjectProperty<>(this, "dmPolicy");
    private final BooleanProperty readReceipts = new SimpleBooleanProperty(this, "readReceipts");
    private final ObjectProperty<PresenceVisibility> presence = new SimpleObjectProperty<>(this, "presence");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", true);
    private final StringProperty error = new SimpleStringProperty(this, "error", "");

    public PrivacyViewModel(ChatSession session) {
        this.session = session;
    }

    /** Reads the current setting from the server (the only place it lives). */
    public void load() {
        busy.set(true);
        session.privacy().whenComplete((settings, failure) -> Platform.runLater(() -> {
            busy.set(false);
            if (failure == null) {
                dmPolicy.set(settings.dmPolicy());
                readReceipts.set(settings.readReceipts());
                presence.set(settings.presence());
            } else {
                error.set(ViewLoader.text("privacy.error"));
            }
        }));
    }

    /** Saves the chosen setting; calls {@code saved} once the server has it. */
    public void save(Runnable saved) {
        DmPolicy chosen = dmPolicy.get();
        if (chosen == null) {
            return;
        }
        busy.set(true);
        error.set("");
        session.setPrivacy(new Request.PrivacySet(chosen, readReceipts.get(), presence.get()))
                .whenComplete((settings, failure) -> Platform.runLater(() -> {
            busy.set(false);
            if (failure == null) {
                saved.run();
            } else {
                error.set(ViewLoader.text("privacy.error"));
            }
        }));
    }

    public ObjectProperty<DmPolicy> dmPolicyProperty() {
        return dmPolicy;
    }

    public BooleanProperty readReceiptsProperty() {
        return readReceipts;
    }

    public ObjectProperty<PresenceVisibility> presenceProperty() {
        return presence;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty errorProperty() {
        return error;
    }
}
