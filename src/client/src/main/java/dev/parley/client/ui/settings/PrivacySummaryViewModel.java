package dev.parley.client.ui.settings;

import dev.parley.client.sync.ChatSession;
import dev.parley.client.ui.ViewLoader;
import dev.parley.protocol.PresenceVisibility;
import dev.parley.protocol.Reply;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;

/** The Privacy page: the account's privacy settings in words; the privacy dialog changes them. */
public final class PrivacySummaryViewModel {
    private final ChatSession session;
    private final StringBinding dms;
    private final StringBinding receipts;
    private final StringBinding presence;
    private final StringBinding blocked;

    public PrivacySummaryViewModel(ChatSession session) {
        this.session = session;
        ReadOnlyObjectProperty<Reply.Privacy> privacy = session.privacyProperty();
        this.dms = Bindings.createStringBinding(() -> privacy.get() == null ? "…" : switch (privacy.get().dmPolicy()) {
            case EVERYONE -> ViewLoader.text("privacy.everyone");
            case FRIENDS -> ViewLoader.text("privacy.friends");
            case NO_ONE -> ViewLoader.text("privacy.noOne");
        }, privacy);
        this.receipts = Bindings.createStringBinding(() -> privacy.get() == null ? "…"
                : ViewLoader.text(privacy.get().readReceipts() ? "settings.on" : "settings.off"), privacy);
        this.presence = Bindings.createStringBinding(() -> privacy.get() == null ? "…"
                : ViewLoader.text(privacy.get().presence() == PresenceVisibility.NOBODY
                        ? "privacy.presence.nobody" : "privacy.presence.friends"), privacy);
        this.blocked = Bindings.createStringBinding(() -> session.blocked().isEmpty()
                ? ViewLoader.text("settings.privacy.blocked.none")
                : ViewLoader.text("settings.privacy.blocked.count", session.blocked().size()), session.blocked());
    }

    /** Asks the server for the current settings (the session keeps them). */
    public void refresh() {
        // Offline, the page keeps what the session last heard.
        session.privacy().exceptionally(failure -> null);
    }

    public StringBinding dmsProperty() {
        return dms;
    }

    public StringBinding receiptsProperty() {
        return receipts;
    }

    public StringBinding presenceProperty() {
        return presence;
    }

    public StringBinding blockedProperty() {
        return blocked;
    }
}
