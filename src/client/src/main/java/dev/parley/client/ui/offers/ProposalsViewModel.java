package dev.parley.client.ui.offers;

import dev.parley.client.model.ConversationItem;
import dev.parley.client.store.StoredMessage;
import dev.parley.client.sync.ChatSession;
import dev.parley.protocol.Proposal;
import dev.parley.protocol.ProposalStatus;
import java.time.Instant;
import java.util.function.BiConsumer;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The "Proposals" view: every collaboration proposal the user made or received, newest first, with whom and where
 * it stands, filtered by direction and status; choosing one opens its chat at it.
 */
public final class ProposalsViewModel {
    /** Which proposals to list by who made them. */
    public enum Direction { ALL, RECEIVED, SENT }

    /** One proposal in the list. */
    public record Entry(long conversationId, long seq, String idea, String with, boolean sent,
            ProposalStatus status, Instant sentAt, Instant statusAt) {
    }

    private final ChatSession session;
    private final BiConsumer<Long, Long> open;
    private final ObservableList<Entry> all = FXCollections.observableArrayList();
    private final FilteredList<Entry> shown = new FilteredList<>(all);
    private final ObjectProperty<Direction> direction = new SimpleObjectProperty<>(this, "direction", Direction.ALL);
    /** The status to list, or null for any. */
    private final ObjectProperty<ProposalStatus> status = new SimpleObjectProperty<>(this, "status");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    /** A proposal that arrives or changes while the list is open shows at once. */
    private final java.util.function.Consumer<StoredMessage> changes = message -> {
        if (message.proposal() != null) {
            load();
        }
    };

    public ProposalsViewModel(ChatSession session, BiConsumer<Long, Long> open) {
        this.session = session;
        this.open = open;
        direction.addListener(observable -> refilter());
        status.addListener(observable -> refilter());
    }

    /** Lists the proposals now and keeps the list current until {@link #close()}. */
    public void open() {
        session.addMessageListener(changes);
        load();
    }

    public void close() {
        session.removeMessageListener(changes);
    }

    /** Reads the proposals from the cache (off the FX thread) and lists them. */
    private void load() {
        session.proposals().thenAccept(messages -> Platform.runLater(() -> {
            all.setAll(messages.stream().map(this::entry).toList());
            loaded.set(true);
        }));
    }

    private Entry entry(StoredMessage message) {
        Proposal proposal = message.proposal();
        boolean sent = message.sender().equals(session.me().handle());
        String with = session.inbox().find(message.conversationId()).map(ConversationItem::peerNameProperty)
                .map(name -> name.get()).orElse("@" + message.sender());
        return new Entry(message.conversationId(), message.seq(), proposal.idea(), with, sent, proposal.status(),
                message.sentAt(), proposal.statusAt());
    }

    private void refilter() {
        Direction by = direction.get();
        ProposalStatus wanted = status.get();
        shown.setPredicate(entry -> (by == Direction.ALL || (by == Direction.SENT) == entry.sent())
                && (wanted == null || entry.status() == wanted));
    }

    /** Opens the chat of this proposal, scrolled to it. */
    public void open(Entry entry) {
        open.accept(entry.conversationId(), entry.seq());
    }

    /** The proposals that pass the filters, newest first. */
    public ObservableList<Entry> shown() {
        return shown;
    }

    public ObjectProperty<Direction> directionProperty() {
        return direction;
    }

    public ObjectProperty<ProposalStatus> statusProperty() {
        return status;
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }
}
