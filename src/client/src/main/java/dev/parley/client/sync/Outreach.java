package dev.parley.client.sync;

import dev.parley.client.net.ServerConnection;
import dev.parley.protocol.Broadcast;
import dev.parley.protocol.BroadcastContent;
import dev.parley.protocol.ContactCard;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
import dev.parley.protocol.Segment;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The user's contact cards (labels and notes), segments and broadcasts, as the server holds them for all their
 * devices. The observable lists and map change on the fx executor only; pushes keep them current.
 */
public final class Outreach {
    private final ServerConnection connection;
    private final Executor io;
    private final Executor fx;
    private final ObservableList<Segment> segments = FXCollections.observableArrayList();
    private final ObservableList<Broadcast> broadcasts = FXCollections.observableArrayList();
    private final ObservableMap<String, ContactCard> cards = FXCollections.observableHashMap();

    Outreach(ServerConnection connection, Executor io, Executor fx) {
        this.connection = connection;
        this.io = io;
        this.fx = fx;
    }

    /** The user's segments, by name. */
    public ObservableList<Segment> segments() {
        return segments;
    }

    /** The user's broadcasts with their results, newest first. */
    public ObservableList<Broadcast> broadcasts() {
        return broadcasts;
    }

    /** Contact cards read so far, by handle; a push about one replaces it. */
    public ObservableMap<String, ContactCard> cards() {
        return cards;
    }

    /** The user's card of this person, from the server. */
    public CompletableFuture<ContactCard> card(String handle) {
        return call(new Request.ContactCardGet(handle), Reply.ContactCardReply.class)
                .thenApply(reply -> show(reply.card()));
    }

    public CompletableFuture<ContactCard> setCard(String handle, List<String> labels, String note) {
        return call(new Request.ContactCardSet(handle, labels, note), Reply.ContactCardReply.class)
                .thenApply(reply -> show(reply.card()));
    }

    /** Every label the user has used, most used first (suggestions). */
    public CompletableFuture<List<String>> labels() {
        return call(new Request.LabelList(), Reply.Labels.class).thenApply(Reply.Labels::labels);
    }

    public CompletableFuture<Segment> saveSegment(Long id, String name, List<String> labels, boolean friendsOnly,
            Integer messagedWithinDays) {
        return call(new Request.SegmentSave(id, name, labels, friendsOnly, messagedWithinDays),
                Reply.SavedSegment.class).thenApply(Reply.SavedSegment::segment);
    }

    public CompletableFuture<Void> deleteSegment(long id) {
        return call(new Request.SegmentDelete(id), Reply.Segments.class)
                .thenAccept(reply -> segmentsChanged(reply.segments()));
    }

    public CompletableFuture<Reply.BroadcastPreview> preview(long segmentId, BroadcastContent content) {
        return call(new Request.BroadcastPreview(segmentId, content),
                Reply.BroadcastPreview.class);
    }

    /** Sends a broadcast; {@code clientId} is kept by the caller, so trying again never sends twice. */
    public CompletableFuture<Broadcast> send(UUID clientId, long segmentId, BroadcastContent content) {
        return call(new Request.BroadcastSend(clientId, segmentId, content),
                Reply.BroadcastSent.class).thenApply(sent -> {
                    broadcastChanged(sent.broadcast());
                    return sent.broadcast();
                });
    }

    public CompletableFuture<Reply.BroadcastDetail> detail(long id) {
        return call(new Request.BroadcastGet(id), Reply.BroadcastDetail.class);
    }

    /** After each sign-in: the server's segments and broadcasts replace this device's; cards are read again. */
    void refresh() {
        fx.execute(cards::clear);
        connection.request(new Request.SegmentList(), Reply.Segments.class)
                .thenAccept(reply -> segmentsChanged(reply.segments()));
        connection.request(new Request.BroadcastList(), Reply.Broadcasts.class)
                .thenAccept(reply -> fx.execute(() -> broadcasts.setAll(reply.broadcasts())));
    }

    void segmentsChanged(List<Segment> now) {
        fx.execute(() -> segments.setAll(now));
    }

    void cardChanged(ContactCard card) {
        show(card);
    }

    void broadcastChanged(Broadcast broadcast) {
        fx.execute(() -> {
            for (int i = 0; i < broadcasts.size(); i++) {
                if (broadcasts.get(i).id() == broadcast.id()) {
                    broadcasts.set(i, broadcast);
                    return;
                }
            }
            broadcasts.add(0, broadcast);
        });
    }

    private ContactCard show(ContactCard card) {
        fx.execute(() -> cards.put(card.handle(), card));
        return card;
    }

    private <T> CompletableFuture<T> call(Request request, Class<T> replyType) {
        return CompletableFuture.supplyAsync(() -> connection.request(request, replyType), io)
                .thenCompose(reply -> reply);
    }
}
