package dev.parley.client.sync;

import dev.parley.client.store.LocalStore;
import dev.parley.client.store.OutboxMedia;
import dev.parley.client.store.StoredMessage;
import dev.parley.protocol.MediaItem;
import dev.parley.protocol.MediaRef;
import dev.parley.protocol.Request;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media side of the outbox: keeps the bytes of a photo message in a pending-uploads folder until the
 * server has the message (so a restart resumes), uploads its items in order before the outbox sends
 * {@code msg.send}, reports progress per message, and cancels. I/O thread, except {@link #progress}.
 */
final class PhotoOutbox {
    private static final Logger log = LoggerFactory.getLogger(PhotoOutbox.class);

    private final String me;
    private final Path pendingDir;
    private final Supplier<LocalStore> store;
    private final MediaUploads uploads;
    private final Supplier<MediaCache> cache;
    private final Executor fx;
    private final Map<UUID, ReadOnlyDoubleWrapper> progress = new ConcurrentHashMap<>();
    private final Map<UUID, CompletableFuture<StoredMessage>> sent = new ConcurrentHashMap<>();
    /** Messages whose uploads are done and whose {@code msg.send} is out: too late to cancel. */
    private final Set<UUID> sending = new HashSet<>();
    private final Set<UUID> cancelled = new HashSet<>();

    PhotoOutbox(String me, Path cacheDir, Supplier<LocalStore> store, MediaUploads uploads,
            Supplier<MediaCache> cache, Executor fx) {
        this.me = me;
        this.pendingDir = cacheDir.resolve("pending-uploads");
        this.store = store;
        this.uploads = uploads;
        this.cache = cache;
        this.fx = fx;
    }

    /** Any thread: the message's upload progress from 0 to 1, changed on the FX thread. */
    ReadOnlyDoubleProperty progress(UUID clientId) {
        return progress.computeIfAbsent(clientId, id -> new ReadOnlyDoubleWrapper(this, "progress")).getReadOnlyProperty();
    }

    /** Any thread: the future {@link OutgoingPhotos#sent()} of a message this session enqueued. */
    CompletableFuture<StoredMessage> sentFuture(UUID clientId) {
        return sent.computeIfAbsent(clientId, id -> new CompletableFuture<>());
    }

    /** Writes the photo message into the outbox: pending files, the media cache (to show it at once), the rows. */
    StoredMessage enqueue(long conversationId, UUID clientId, List<PreparedMedia> items, String caption, Instant now) {
        List<MediaItem> media = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        try {
            Files.createDirectories(pendingDir);
            for (int i = 0; i < items.size(); i++) {
                PreparedMedia item = items.get(i);
                if (!MediaCache.sha256(item.bytes()).equals(item.sha256())) {
                    throw new IllegalArgumentException("item " + i + " does not match its sha256");
                }
                Path file = pendingDir.resolve(clientId + "-" + i);
                Files.write(file, item.bytes());
                files.add(file);
                cache.get().put(item.sha256(), item.bytes());
                media.add(new MediaItem(item.sha256(), item.mime(), item.bytes().length, item.width(), item.height()));
            }
        } catch (IOException e) {
            deleteFiles(files);
            throw new UncheckedIOException("cannot keep the photos to send", e);
        }
        return store.get().enqueue(conversationId, clientId, me, caption, now, media, files);
    }

    /**
     * The request that sends this outbox message: at once for text; for a photo message, after each of its
     * items is uploaded (in order). Fails like the uploads do; see {@link MediaUploads#upload}.
     */
    CompletableFuture<Request.MessageSend> prepare(StoredMessage next) {
        List<OutboxMedia> items = store.get().outboxMedia(me, next.clientId());
        if (items.isEmpty()) {
            return CompletableFuture.completedFuture(new Request.MessageSend(next.conversationId(), next.clientId(),
                    next.text()));
        }
        long total = items.stream().mapToLong(item -> item.item().size()).sum();
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        long before = 0;
        for (OutboxMedia item : items) {
            long done = before;
            chain = chain.thenCompose(ignored -> uploadOne(next.clientId(), item, held -> report(next.clientId(),
                    (double) (done + held) / total)).thenRun(() -> { }));
            before += item.item().size();
        }
        return chain.thenApply(ignored -> {
            sending.add(next.clientId());
            return new Request.MessageSend(next.conversationId(), next.clientId(), next.text(),
                    items.stream().map(item -> new MediaRef(item.item().mediaId())).toList());
        });
    }

    private CompletableFuture<MediaItem> uploadOne(UUID clientId, OutboxMedia item,
            java.util.function.LongConsumer held) {
        if (cancelled.contains(clientId)) {
            return CompletableFuture.failedFuture(new CancellationException("the message was cancelled"));
        }
        if (item.pending() == null) {
            return CompletableFuture.completedFuture(item.item());
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(item.pending());
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new UncheckedIOException("the photo to send is gone", e));
        }
        return uploads.upload(item.item().mediaId(), item.item().mime(), bytes, held);
    }

    /** The server stored the message: its pending files go (the cache keeps the bytes to show). */
    void sent(StoredMessage stored) {
        UUID clientId = stored.clientId();
        sending.remove(clientId);
        deleteFiles(store.get().outboxMedia(me, clientId).stream().map(OutboxMedia::pending).toList());
        store.get().uploadsDone(me, clientId);
        report(clientId, 1);
        progress.remove(clientId);
        CompletableFuture<StoredMessage> future = sent.remove(clientId);
        if (future != null) {
            future.complete(stored);
        }
    }

    /** A refused photo message is deleted on this device: the bytes kept for its upload go too. */
    void forgetFiles(UUID clientId) {
        deleteFiles(store.get().outboxMedia(me, clientId).stream().map(OutboxMedia::pending).toList());
        progress.remove(clientId);
    }

    /** The server refused the message; it stays in the outbox as failed, with its files, for a retry. */
    void failed(UUID clientId, Throwable error) {
        sending.remove(clientId);
        CompletableFuture<StoredMessage> future = sent.remove(clientId);
        if (future != null) {
            future.completeExceptionally(error);
        }
    }

    /**
     * Takes a photo message out of the outbox before it is sent: uploads stop, files and rows go.
     *
     * @return the message as it was, or null when it is not in the outbox or its {@code msg.send} is out already
     */
    StoredMessage cancel(UUID clientId) {
        StoredMessage message = store.get().outbox().stream().filter(m -> m.clientId().equals(clientId))
                .findFirst().orElse(null);
        if (message == null || sending.contains(clientId)) {
            return null;
        }
        cancelled.add(clientId);
        List<OutboxMedia> items = store.get().outboxMedia(me, clientId);
        items.forEach(item -> uploads.cancel(item.item().mediaId()));
        deleteFiles(items.stream().map(OutboxMedia::pending).toList());
        store.get().discard(message.conversationId(), me, clientId);
        progress.remove(clientId);
        CompletableFuture<StoredMessage> future = sent.remove(clientId);
        if (future != null) {
            future.completeExceptionally(new CancellationException("the message was cancelled"));
        }
        log.debug("photo message {} cancelled", clientId);
        return message;
    }

    private void report(UUID clientId, double fraction) {
        ReadOnlyDoubleWrapper property = progress.computeIfAbsent(clientId,
                id -> new ReadOnlyDoubleWrapper(this, "progress"));
        double clamped = Math.min(1, Math.max(0, fraction));
        fx.execute(() -> property.set(clamped));
    }

    private static void deleteFiles(List<Path> files) {
        for (Path file : files) {
            if (file == null) {
                continue;
            }
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("cannot delete pending upload {}", file, e);
            }
        }
    }
}
