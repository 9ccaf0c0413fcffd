package dev.parley.client.sync;

import dev.parley.client.store.LocalStore;
import dev.parley.client.store.OutboxMedia;
import dev.parley.client.store.StoredMessage;
import dev.parley.protocol.MediaItem;
import dev.parley.protocol.MediaRef;
import dev.parley.protocol.MediaType;
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
 * The media side of the outbox: keeps the bytes of a message's media in a pending-uploads folder until the
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

    /**
     * Writes the message into the outbox: each item's content and thumbnail into pending files (a video is
     * copied, never read into memory), photos and thumbnails into the media cache (to show them at once), the rows.
     */
    StoredMessage enqueue(long conversationId, UUID clientId, List<PreparedMedia> items, String caption, Instant now) {
        List<OutboxMedia> media = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        try {
            Files.createDirectories(pendingDir);
            for (int i = 0; i < items.size(); i++) {
                PreparedMedia item = items.get(i);
                PreparedMedia preview = item.thumbnail();
                if (item.bytes() != null && !MediaCache.sha256(item.bytes()).equals(item.sha256())
                        || preview != null && !MediaCache.sha256(preview.bytes()).equals(preview.sha256())) {
                    throw new IllegalArgumentException("item " + i + " does not match its sha256");
                }
                Path file = pendingDir.resolve(clientId + "-" + i);
                files.add(file);
                item.writeTo(file);
                if (item.bytes() != null) {
                    cache.get().put(item.sha256(), item.bytes());
                }
                Path thumbFile = null;
                MediaItem thumb = null;
                if (preview != null) {
                    thumbFile = pendingDir.resolve(clientId + "-" + i + "-thumb");
                    files.add(thumbFile);
                    preview.writeTo(thumbFile);
                    cache.get().put(preview.sha256(), preview.bytes());
                    thumb = new MediaItem(preview.sha256(), preview.mime(), preview.size(), preview.width(),
                            preview.height());
                }
                media.add(new OutboxMedia(new MediaItem(item.sha256(), item.mime(), item.size(), item.width(),
                        item.height(), thumb), file, thumbFile));
            }
        } catch (IOException e) {
            deleteFiles(files);
            throw new UncheckedIOException("cannot keep the media to send", e);
        }
        return store.get().enqueue(conversationId, clientId, me, caption, now, media);
    }

    /**
     * The request that sends this outbox message: at once for text; for a message with media, after each item's
     * thumbnail and then the item are uploaded (in order). Fails like the uploads do; see {@link MediaUploads#upload}.
     */
    CompletableFuture<Request.MessageSend> prepare(StoredMessage next) {
        if (next.sticker() != null) {
            return sticker(next);
        }
        if (next.offer() != null || next.proposal() != null) {
            return CompletableFuture.completedFuture(new Request.MessageSend(next.conversationId(), next.clientId(),
                    next.text(), null, null, null, null, next.offer(), next.proposal()));
        }
        List<OutboxMedia> items = store.get().outboxMedia(me, next.clientId());
        if (items.isEmpty()) {
            return CompletableFuture.completedFuture(new Request.MessageSend(next.conversationId(), next.clientId(),
                    next.text(), null, next.replyTo(), next.card() == null ? null : next.card().handle()));
        }
        long total = items.stream().mapToLong(item -> item.item().size()
                + (item.item().thumbnail() == null ? 0 : item.item().thumbnail().size())).sum();
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        long before = 0;
        for (OutboxMedia item : items) {
            MediaItem thumb = item.item().thumbnail();
            if (thumb != null) {
                long done = before;
                chain = chain.thenCompose(ignored -> uploadOne(next.clientId(), thumb, item.thumbnailPending(),
                        held -> report(next.clientId(), (double) (done + held) / total)).thenRun(() -> { }));
                before += thumb.size();
            }
            long done = before;
            chain = chain.thenCompose(ignored -> uploadOne(next.clientId(), item.item(), item.pending(),
                    held -> report(next.clientId(), (double) (done + held) / total)).thenRun(() -> { }));
            before += item.item().size();
        }
        return chain.thenApply(ignored -> {
            sending.add(next.clientId());
            return new Request.MessageSend(next.conversationId(), next.clientId(), next.text(),
                    items.stream().map(item -> new MediaRef(item.item().mediaId(),
                            item.item().thumbnail() == null ? null : item.item().thumbnail().mediaId())).toList());
        });
    }

    /** A sticker goes at once; an imported one's image (kept in the media cache when it was sent) is uploaded first. */
    private CompletableFuture<Request.MessageSend> sticker(StoredMessage next) {
        Request.MessageSend send = Request.MessageSend.sticker(next.conversationId(), next.clientId(), next.sticker(),
                next.replyTo());
        String mediaId = next.sticker().mediaId();
        if (mediaId == null) {
            return CompletableFuture.completedFuture(send);
        }
        Path image = cache.get().get(mediaId).orElse(null);
        if (image == null) {
            return CompletableFuture.failedFuture(new UncheckedIOException(
                    new IOException("the sticker's image is no longer in the cache")));
        }
        String mime;
        try (java.io.InputStream in = Files.newInputStream(image)) {
            mime = new String(in.readNBytes(3), java.nio.charset.StandardCharsets.ISO_8859_1).equals("GIF")
                    ? MediaType.GIF.mime() : MediaType.PNG.mime();
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new UncheckedIOException(e));
        }
        return uploads.upload(mediaId, mime, image, held -> { }).thenApply(uploaded -> send);
    }

    private CompletableFuture<MediaItem> uploadOne(UUID clientId, MediaItem item, Path pending,
            java.util.function.LongConsumer held) {
        if (cancelled.contains(clientId)) {
            return CompletableFuture.failedFuture(new CancellationException("the message was cancelled"));
        }
        if (pending == null) {
            return CompletableFuture.completedFuture(item);
        }
        if (!Files.isRegularFile(pending)) {
            return CompletableFuture.failedFuture(new UncheckedIOException(
                    new IOException("the file to send is gone: " + pending.getFileName())));
        }
        return uploads.upload(item.mediaId(), item.mime(), pending, held);
    }

    /** The server stored the message: its pending files go (the cache keeps the bytes to show). */
    void sent(StoredMessage stored) {
        UUID clientId = stored.clientId();
        sending.remove(clientId);
        List<OutboxMedia> items = store.get().outboxMedia(me, clientId);
        items.forEach(this::keepInCache);
        deleteFiles(pendingFiles(items));
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
        deleteFiles(pendingFiles(store.get().outboxMedia(me, clientId)));
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
        items.forEach(item -> {
            uploads.cancel(item.item().mediaId());
            if (item.item().thumbnail() != null) {
                uploads.cancel(item.item().thumbnail().mediaId());
            }
        });
        deleteFiles(pendingFiles(items));
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

    /** A sent video was never read into memory: its pending copy moves into the cache instead of being copied. */
    private void keepInCache(OutboxMedia item) {
        if (item.pending() == null || cache.get().get(item.item().mediaId()).isPresent()) {
            return;
        }
        try {
            cache.get().keep(item.item().mediaId(), item.pending());
        } catch (IOException e) {
            log.warn("cannot keep sent media {} in the cache", item.item().mediaId(), e);
        }
    }

    private static List<Path> pendingFiles(List<OutboxMedia> items) {
        List<Path> files = new ArrayList<>();
        items.forEach(item -> {
            files.add(item.pending());
            files.add(item.thumbnailPending());
        });
        return files;
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
