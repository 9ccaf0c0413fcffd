package dev.parley.client.sync;

import dev.parley.client.model.ConversationItem;
import dev.parley.client.model.Inbox;
import dev.parley.client.store.StoredConversation;
import dev.parley.client.store.StoredMessage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Carries what the session's I/O thread learned into the observable models: the inbox rows and the message
 * listeners, always on the fx executor, so models change on one thread only.
 */
final class InboxModels {
    private final Executor fx;
    private final Inbox inbox;
    private final List<Consumer<StoredMessage>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<StoredMessage>> arrivalListeners = new CopyOnWriteArrayList<>();

    InboxModels(Executor fx, Inbox inbox) {
        this.fx = fx;
        this.inbox = inbox;
    }

    void addListener(Consumer<StoredMessage> listener) {
        listeners.add(listener);
    }

    void removeListener(Consumer<StoredMessage> listener) {
        listeners.remove(listener);
    }

    void addArrivalListener(Consumer<StoredMessage> listener) {
        arrivalListeners.add(listener);
    }

    void removeArrivalListener(Consumer<StoredMessage> listener) {
        arrivalListeners.remove(listener);
    }

    /** Someone else's message arrived live (after {@link #message} for it, so its conversation row is current). */
    void arrival(StoredMessage message) {
        fx.execute(() -> arrivalListeners.forEach(listener -> listener.accept(message)));
    }

    /** A message was added or changed (sent, unsent, deleted here). */
    void message(StoredMessage message) {
        fx.execute(() -> listeners.forEach(listener -> listener.accept(message)));
    }

    /** One conversation as the cache holds it now; added to the inbox if it is new. */
    void conversation(StoredConversation conversation) {
        fx.execute(() -> update(itemFor(conversation), conversation));
    }

    /** Several conversations at once (start-up, a fresh list from the server). */
    void conversations(List<StoredConversation> conversations) {
        fx.execute(() -> conversations.forEach(conversation -> update(itemFor(conversation), conversation)));
    }

    private ConversationItem itemFor(StoredConversation conversation) {
        return inbox.find(conversation.id()).orElseGet(() -> {
            ConversationItem added = new ConversationItem(conversation.id(), conversation.peerHandle(),
                    conversation.peerName(), conversation.group() != null);
            inbox.conversations().add(added);
            return added;
        });
    }

    private static void update(ConversationItem item, StoredConversation conversation) {
        item.peerNameProperty().set(conversation.peerName());
        item.previewProperty().set(conversation.lastText() == null ? "" : conversation.lastText());
        item.lastActivityProperty().set(conversation.lastAt());
        item.unreadProperty().set(conversation.unread());
        item.requestProperty().set(conversation.request());
        item.lastUnsentProperty().set(conversation.lastUnsent());
        item.peerReadSeqProperty().set(conversation.peerReadSeq());
        item.peerAvatarProperty().set(conversation.peerAvatar());
        item.lastVideosProperty().set(conversation.lastVideos());
        item.lastStickerProperty().set(conversation.lastSticker());
        if (!item.pinnedProperty().get().equals(conversation.pinned())) {
            item.pinnedProperty().set(conversation.pinned());
        }
        item.lastMediaProperty().set(conversation.lastMedia());
        if (conversation.group() != null) {
            item.memberCountProperty().set(conversation.group().members());
            item.roleProperty().set(conversation.group().role());
            item.leftProperty().set(conversation.group().left());
            String rules = conversation.group().description();
            item.descriptionProperty().set(rules == null ? "" : rules);
        }
    }
}
