package dev.parley.client.sync;

import dev.parley.client.net.ServerConnection;
import dev.parley.protocol.MediaItem;
import dev.parley.protocol.MediaRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.CopyOnWriteArrayList;
import dev.parley.protocol.Message;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
import dev.parley.protocol.ScheduleStatus;
import dev.parley.protocol.ScheduledMessage;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The user's scheduled messages and follow-ups, which the server keeps and sends. {@link #pending()} mirrors the
 * server's list (fetched on every sign-in, then kept current by its pushes) and changes on the fx executor only;
 * a message the server skipped or cancelled on its own is reported to the outcome listeners.
 */
public final class Schedules {
    private static final Comparator<ScheduledMessage> SOONEST_FIRST =
            Comparator.comparing(ScheduledMessage::sendAt).thenComparingLong(ScheduledMessage::id);

    private final ServerConnection connection;
    private final Executor io;
    private final Executor fx;
    private final Consumer<Message> sent;
    private final MediaUploads uploads;
    private final Path uploadDir;
    private final ObservableList<ScheduledMessage> pending = FXCollections.observableArrayList();
    private final List<Consumer<ScheduledMessage>> outcomeListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * {@code sent} applies, on the I/O thread, a message that "send now" produced; photos to schedule are uploaded
     * through {@code uploads} from copies in {@code uploadDir}.
     */
    Schedules(ServerConnection connection, Executor io, Executor fx, Consumer<Message> sent, MediaUploads uploads,
            Path uploadDir) {
        this.connection = connection;
        this.uploads = uploads;
        this.uploadDir = uploadDir;
        this.io = io;
        this.fx = fx;
        this.sent = sent;
    }

    /** Pending scheduled messages and follow-ups in every conversation, soonest first. */
    public ObservableList<ScheduledMessage> pending() {
        return pending;
    }

    /** Hears, on the fx thread, of each scheduled message the server skipped or cancelled by itself, with why. */
    public void addOutcomeListener(Consumer<ScheduledMessage> listener) {
        outcomeListeners.add(listener);
    }

    public void removeOutcomeListener(Consumer<ScheduledMessage> listener) {
        outcomeListeners.remove(listener);
    }

    /**
     * Schedules text (a reply when {@code replyTo} is set) for {@code sendAt}; a follow-up is sent only if the other
     * person has not written by then. Needs a connection: the server keeps it, not this device.
     */
    public CompletableFuture<ScheduledMessage> schedule(long conversationId, String text, Long replyTo, Instant sendAt,
            boolean followUp) {
        return schedule(new Request.MessageSend(conversationId, UUID.randomUUID(), text, null, replyTo), sendAt,
                followUp);
    }

    /** Schedules any message {@code msg.send} could send (its media already uploaded). */
    public CompletableFuture<ScheduledMessage> schedule(Request.MessageSend message, Instant sendAt, boolean followUp) {
        return call(new Request.ScheduleCreate(message, sendAt, followUp), Reply.Scheduled.class)
                .thenApply(reply -> apply(reply.scheduled()));
    }

    /**
     * Uploads photos and videos now and has the server send them at {@code sendAt} with the caption. Nothing goes
     * through the outbox: the message exists only once the server sends it. Fails while offline.
     */
    public CompletableFuture<ScheduledMessage> photos(long conversationId, List<PreparedMedia> items, String caption,
            Instant sendAt) {
        List<Path> written = new CopyOnWriteArrayList<>();
        CompletableFuture<List<MediaRef>> uploaded = CompletableFuture.completedFuture(List.of());
        for (PreparedMedia item : items) {
            uploaded = uploaded.thenCompose(refs -> upload(item.thumbnail(), written)
                    .thenCompose(thumb -> upload(item, written).thenApply(media -> {
                        List<MediaRef> more = new ArrayList<>(refs);
                        more.add(new MediaRef(media, thumb));
                        return more;
                    })));
        }
        return uploaded.thenCompose(refs -> schedule(new Request.MessageSend(conversationId, UUID.randomUUID(),
                        caption, refs), sendAt, false))
                .whenComplete((done, failure) -> written.forEach(file -> file.toFile().delete()));
    }

    /** Uploads one item from a copy of its own; completes with its media id (null for no item). */
    private CompletableFuture<String> upload(PreparedMedia item, List<Path> written) {
        if (item == null) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.supplyAsync(() -> {
            Path file = uploadDir.resolve(item.sha256());
            try {
                Files.createDirectories(uploadDir);
                item.writeTo(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            written.add(file);
            return uploads.upload(item.sha256(), item.mime(), file, held -> { });
        }, io).thenCompose(upload -> upload).thenApply(MediaItem::mediaId);
    }

    /**
     * Has the server send a sticker at {@code sendAt}; an imported one's {@code image} (named by its SHA-256 in
     * {@code sticker.mediaId()}) is uploaded now.
     */
    public CompletableFuture<ScheduledMessage> sticker(long conversationId, dev.parley.protocol.Sticker sticker,
            byte[] image, Instant sendAt) {
        Request.MessageSend message = Request.MessageSend.sticker(conversationId, UUID.randomUUID(), sticker, null);
        if (image == null) {
            return schedule(message, sendAt, false);
        }
        String mime = image.length > 2 && image[0] == 'G' && image[1] == 'I' && image[2] == 'F'
                ? dev.parley.protocol.MediaType.GIF.mime() : dev.parley.protocol.MediaType.PNG.mime();
        List<Path> written = new CopyOnWriteArrayList<>();
        return upload(new PreparedMedia(image, mime, sticker.mediaId(), null, null), written)
                .thenCompose(uploaded -> schedule(message, sendAt, false))
                .whenComplete((done, failure) -> written.forEach(file -> file.toFile().delete()));
    }

    /** Changes the text and/or the time (null keeps it). */
    public CompletableFuture<ScheduledMessage> update(long id, String text, Instant sendAt) {
        return call(new Request.ScheduleUpdate(id, text, sendAt), Reply.Scheduled.class)
                .thenApply(reply -> apply(reply.scheduled()));
    }

    public CompletableFuture<ScheduledMessage> cancel(long id) {
        return call(new Request.ScheduleCancel(id), Reply.Scheduled.class).thenApply(reply -> apply(reply.scheduled()));
    }

    /** Sends it now; it shows in the chat like any message of the user's. */
    public CompletableFuture<Void> sendNow(long id) {
        return call(new Request.ScheduleSendNow(id), Reply.Sent.class)
                .thenAcceptAsync(reply -> {
                    sent.accept(reply.message());
                    fx.execute(() -> pending.removeIf(s -> s.id() == id));
                }, io);
    }

    /** After each sign-in: the server's list replaces what this device knew. */
    void refresh() {
        connection.request(new Request.ScheduleList(null), Reply.ScheduledList.class)
                .thenAccept(list -> fx.execute(() -> pending.setAll(list.scheduled().stream()
                        .sorted(SOONEST_FIRST).toList())));
    }

    /** A push: one of the user's scheduled messages changed (here or on another device, or by the server). */
    void changed(ScheduledMessage scheduled) {
        apply(scheduled);
        boolean byTheServer = scheduled.status() == ScheduleStatus.SKIPPED
                || scheduled.status() == ScheduleStatus.CANCELLED && scheduled.reason() != null;
        if (byTheServer) {
            fx.execute(() -> outcomeListeners.forEach(listener -> listener.accept(scheduled)));
        }
    }

    private ScheduledMessage apply(ScheduledMessage scheduled) {
        fx.execute(() -> {
            pending.removeIf(s -> s.id() == scheduled.id());
            if (scheduled.status() == ScheduleStatus.PENDING) {
                int at = 0;
                while (at < pending.size() && SOONEST_FIRST.compare(pending.get(at), scheduled) < 0) {
                    at++;
                }
                pending.add(at, scheduled);
            }
        });
        return scheduled;
    }

    private <T> CompletableFuture<T> call(Request request, Class<T> replyType) {
        return CompletableFuture.supplyAsync(() -> connection.request(request, replyType), io)
                .thenCompose(reply -> reply);
    }
}
