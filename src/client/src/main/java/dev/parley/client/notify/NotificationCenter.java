package dev.parley.client.notify;

import dev.parley.client.model.ConversationItem;
import dev.parley.client.store.StoredMessage;
import dev.parley.client.sync.ChatSession;
import dev.parley.client.ui.ViewLoader;
import dev.parley.client.ui.common.Avatar;
import dev.parley.client.ui.common.AvatarPictures;
import dev.parley.protocol.UserProfile;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import javafx.beans.InvalidationListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;

/**
 * Turns messages that arrive into notifications, by {@link NotificationPolicy}: who wrote, their picture, the
 * text (or "New message" when previews are hidden); a click opens the conversation. Keeps the notifier's badge
 * at the unread total. FX thread only.
 */
public final class NotificationCenter implements AutoCloseable {
    private static final int PREVIEW_CHARS = 140;

    private final ChatSession session;
    private final Notifier notifier;
    private final NotificationSettings settings;
    private final ObservableValue<ConversationItem> open;
    private final ObservableBooleanValue windowActive;
    private final LongConsumer openConversation;
    private final AvatarPictures pictures;
    private final Clock clock;
    private final Consumer<StoredMessage> onArrival = this::arrived;
    private final InvalidationListener onInboxChange = observable -> showUnread();
    private final Map<Long, Instant> lastNotified = new HashMap<>();

    /**
     * @param open the conversation shown in the chat pane
     * @param windowActive whether the window is focused and not minimised
     * @param openConversation brings the window forward with that conversation open (a click)
     */
    public NotificationCenter(ChatSession session, Notifier notifier, NotificationSettings settings,
            ObservableValue<ConversationItem> open, ObservableBooleanValue windowActive,
            LongConsumer openConversation, AvatarPictures pictures, Clock clock) {
        this.session = session;
        this.notifier = notifier;
        this.settings = settings;
        this.open = open;
        this.windowActive = windowActive;
        this.openConversation = openConversation;
        this.pictures = pictures;
        this.clock = clock;
        session.addArrivalListener(onArrival);
        session.inbox().conversations().addListener(onInboxChange);
        showUnread();
    }

    public NotificationSettings settings() {
        return settings;
    }

    private void arrived(StoredMessage message) {
        ConversationItem item = session.inbox().find(message.conversationId()).orElse(null);
        if (item == null) {
            return;
        }
        ConversationItem shown = open.getValue();
        NotificationPolicy.Outcome outcome = NotificationPolicy.decide(new NotificationPolicy.Situation(
                item.id(), item.requestProperty().get(), shown == null ? null : shown.id(), windowActive.get(),
                settings.mutedUntil(item.id()), settings.doNotDisturbUntilProperty().get(),
                settings.enabledProperty().get(), clock.instant(), lastNotified.get(item.id())));
        if (outcome == NotificationPolicy.Outcome.NONE) {
            return;
        }
        lastNotified.put(item.id(), clock.instant());
        Avatar avatar = new Avatar(Avatar.Size.HEADER);
        if (item.group()) {
            pictures.showGroup(avatar, item.id(), item.peerNameProperty().get(), item.peerAvatarProperty().get());
        } else {
            pictures.show(avatar, new UserProfile(item.peerHandle(), item.peerNameProperty().get(), null, null, null,
                    item.peerAvatarProperty().get()));
        }
        // In a group the title is the group, and the body says who wrote, as the group's bubbles do.
        String body = item.group() ? ViewLoader.text("notification.inGroup", message.sender(), body(message))
                : body(message);
        notifier.show(new Notice(item.id(), item.peerNameProperty().get(), body, avatar,
                outcome == NotificationPolicy.Outcome.QUIET, () -> openConversation.accept(item.id())));
    }

    private String body(StoredMessage message) {
        if (!settings.previewsProperty().get()) {
            return ViewLoader.text("notification.hidden");
        }
        if (message.sticker() != null) {
            return dev.parley.client.ui.common.StickerWords.preview(message.sticker());
        }
        String text = message.text().strip().replaceAll("\\s+", " ");
        if (text.isEmpty() && message.offer() != null) {
            text = ViewLoader.text("offer.quote", message.offer().title());
        } else if (text.isEmpty() && message.proposal() != null) {
            text = ViewLoader.text("proposal.quote", message.proposal().idea());
        }
        if (text.isEmpty() && !message.media().isEmpty()) {
            long videos = message.media().stream().filter(item -> item.mime().startsWith("video/")).count();
            return ViewLoader.text(videos == message.media().size() ? "conversations.videos"
                    : videos > 0 ? "conversations.media" : "conversations.photos", message.media().size());
        }
        return text.length() > PREVIEW_CHARS ? text.substring(0, PREVIEW_CHARS - 1) + "…" : text;
    }

    private void showUnread() {
        notifier.showUnread(session.inbox().totalUnread());
    }

    @Override
    public void close() {
        session.removeArrivalListener(onArrival);
        session.inbox().conversations().removeListener(onInboxChange);
    }
}
