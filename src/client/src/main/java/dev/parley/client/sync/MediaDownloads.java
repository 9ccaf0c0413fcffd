package dev.parley.client.sync;

import dev.parley.client.net.ServerConnection;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches media into the {@link MediaCache} with {@code media.get} ranges, one request at a time, and hands out
 * the cached file. Asking twice for the same item while it downloads shares one download. I/O thread only.
 */
final class MediaDownloads {
    private static final Logger log = LoggerFactory.getLogger(MediaDownloads.class);

    private final ServerConnection connection;
    private final Executor io;
    private final MediaCache cache;
    private final Map<String, CompletableFuture<Path>> underway = new HashMap<>();

    MediaDownloads(ServerConnection connection, Executor io, MediaCache cache) {
        this.connection = connection;
        this.io = io;
        this.cache = cache;
    }

    /** The cached file, or a download of it; fails if the bytes do not match the id (nothing is kept). */
    CompletableFuture<Path> fetch(String mediaId) {
        Optional<Path> cached = cache.get(mediaId);
        if (cached.isPresent()) {
            return CompletableFuture.completedFuture(cached.get());
        }
        CompletableFuture<Path> running = underway.get(mediaId);
        if (running != null) {
            return running;
        }
        CompletableFuture<Path> done = new CompletableFuture<>();
        underway.put(mediaId, done);
        done.whenComplete((path, error) -> underway.remove(mediaId));
        try {
            Path partial = cache.partial(mediaId);
            readFrom(mediaId, partial, 0, done);
        } catch (IOException | RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    private void readFrom(String mediaId, Path partial, long offset, CompletableFuture<Path> done) {
        connection.request(new Request.MediaGet(mediaId, offset, null), Reply.MediaData.class)
                .whenCompleteAsync((range, error) -> {
                    try {
                        if (error != null) {
                            Throwable cause = error instanceof java.util.concurrent.CompletionException
                                    && error.getCause() != null ? error.getCause() : error;
                            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
                        }
                        if (range.offset() != offset || range.data().length == 0) {
                            throw new IllegalStateException("media.get answered offset " + range.offset() + " with "
                                    + range.data().length + " bytes for offset " + offset);
                        }
                        append(partial, range.data());
                        long next = offset + range.data().length;
                        if (next < range.total()) {
                            readFrom(mediaId, partial, next, done);
                        } else {
                            done.complete(cache.keep(mediaId, partial));
                        }
                    } catch (IOException | RuntimeException e) {
                        log.info("download of media {} failed: {}", mediaId, e.toString());
                        deleteQuietly(partial);
                        done.completeExceptionally(e);
                    }
                }, io);
    }

    private static void append(Path partial, byte[] data) {
        try (OutputStream out = Files.newOutputStream(partial, StandardOpenOption.APPEND)) {
            out.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path partial) {
        try {
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            log.warn("cannot delete partial download {}", partial, e);
        }
    }
}
