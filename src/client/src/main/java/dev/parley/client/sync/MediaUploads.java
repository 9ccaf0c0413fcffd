package dev.parley.client.sync;

import dev.parley.client.net.ServerConnection;
import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Event;
import dev.parley.protocol.Limits;
import dev.parley.protocol.MediaItem;
import dev.parley.protocol.ProtocolException;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
import dev.parley.protocol.UploadChunk;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads media over the session's one WebSocket (PROTOCOL §13): {@code media.begin}, chunks of
 * {@value Limits#MAX_CHUNK_BYTES} bytes with a few in flight, each acknowledged by {@code evt.upload}, then
 * {@code media.commit}. A lost connection fails the current attempt; the next {@link #upload} of the same
 * content begins again and the server answers with the offset it holds, so only the rest is sent.
 * I/O thread only.
 */
final class MediaUploads {
    /** Chunks sent ahead of their acknowledgement: enough to keep the pipe busy, far below the server's 32. */
    static final int WINDOW = 4;
    private static final Logger log = LoggerFactory.getLogger(MediaUploads.class);
    /** Times a commit may find its upload gone (a lost reply) and begin again before giving up. */
    private static final int MAX_REBEGINS = 3;

    /** One try from {@code media.begin} on: where the server said to start, and how many bytes went out since. */
    static final class Attempt {
        volatile long beginOffset = -1;
        volatile long bytesSent;

        long beginOffset() {
            return beginOffset;
        }

        long bytesSent() {
            return bytesSent;
        }
    }

    private final ServerConnection connection;
    private final Executor io;
    private final Map<String, Transfer> bySha = new HashMap<>();
    private final Map<UUID, Transfer> byUpload = new HashMap<>();
    /** The attempts of recent uploads by sha256, kept for diagnostics and tests. */
    private final Map<String, List<Attempt>> recent = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, List<Attempt>> eldest) {
                    return size() > 32;
                }
            });

    MediaUploads(ServerConnection connection, Executor io) {
        this.connection = connection;
        this.io = io;
    }

    /**
     * Uploads (or resumes) these bytes; {@code held} hears how many the server holds. Completes with the stored
     * item; fails with {@link CancellationException} after {@link #cancel}, with a {@link ProtocolException} when
     * refused or when the connection is lost (then call again once reconnected).
     */
    CompletableFuture<MediaItem> upload(String sha256, String mime, Path file, LongConsumer held) {
        Request.MediaBegin begin;
        try {
            begin = new Request.MediaBegin(sha256, Files.size(file), mime);
        } catch (ProtocolException e) {
            return CompletableFuture.failedFuture(e);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new UncheckedIOException("cannot read the file to send", e));
        }
        Transfer transfer = bySha.computeIfAbsent(begin.sha256(), sha -> new Transfer(begin, file));
        transfer.file = file;
        transfer.held = held;
        if (transfer.result != null && !transfer.result.isDone()) {
            return transfer.result;
        }
        transfer.result = new CompletableFuture<>();
        transfer.rebegins = 0;
        begin(transfer);
        return transfer.result;
    }

    /** Stops uploading this content; its future fails with {@link CancellationException}. */
    void cancel(String sha256) {
        Transfer transfer = bySha.remove(sha256);
        if (transfer != null) {
            forget(transfer);
            if (transfer.uploadId != null) {
                // So the server drops the bytes now instead of holding them against the user's upload limits.
                UUID abandoned = transfer.uploadId;
                connection.request(new Request.MediaAbort(abandoned), Reply.Empty.class).exceptionally(error -> {
                    log.debug("upload {} not aborted on the server: {}", abandoned, error.toString());
                    return null;
                });
            }
            if (transfer.result != null) {
                transfer.result.completeExceptionally(new CancellationException("the upload was cancelled"));
            }
        }
    }

    /** Every attempt is over with the connection; the next {@link #upload} resumes from the server's offset. */
    void connectionLost() {
        List.copyOf(bySha.values()).forEach(transfer -> fail(transfer,
                new ProtocolException(ErrorCode.INTERNAL, "connection lost")));
    }

    void onProgress(Event.UploadProgress event) {
        Transfer transfer = live(event.uploadId());
        if (transfer == null) {
            return;
        }
        transfer.inFlight = Math.max(0, transfer.inFlight - 1);
        transfer.serverOffset = Math.max(transfer.serverOffset, event.offset());
        transfer.held.accept(transfer.serverOffset);
        continueAfterAnswer(transfer);
    }

    void onRefused(Event.UploadRefused event) {
        Transfer transfer = live(event.uploadId());
        if (transfer == null) {
            return;
        }
        transfer.inFlight = Math.max(0, transfer.inFlight - 1);
        if (event.code() == ErrorCode.CONFLICT && event.offset() != null) {
            // Chunks still in flight will be refused too: wait for all their answers, then send from here.
            transfer.serverOffset = event.offset();
            transfer.resyncing = true;
        } else if (event.code() == ErrorCode.NOT_FOUND) {
            transfer.resyncing = true;
            transfer.beginAgain = true;
        } else {
            log.info("chunk of upload {} refused: {} {}", event.uploadId(), event.code().wireName(), event.message());
            fail(transfer, new ProtocolException(event.code(), event.message()));
            return;
        }
        continueAfterAnswer(transfer);
    }

    /** The attempts made for this content (the newest last), while it is among the recent uploads. */
    List<Attempt> attempts(String sha256) {
        return List.copyOf(recent.getOrDefault(sha256, List.of()));
    }

    private void continueAfterAnswer(Transfer transfer) {
        if (transfer.resyncing) {
            if (transfer.inFlight > 0) {
                return;
            }
            transfer.resyncing = false;
            if (transfer.beginAgain) {
                transfer.beginAgain = false;
                begin(transfer);
                return;
            }
            transfer.next = transfer.serverOffset;
        }
        if (transfer.serverOffset >= transfer.size()) {
            commit(transfer);
        } else {
            pump(transfer);
        }
    }

    private void begin(Transfer transfer) {
        Attempt attempt = new Attempt();
        recent.computeIfAbsent(transfer.begin.sha256(), sha -> new CopyOnWriteArrayList<>()).add(attempt);
        transfer.attempt = attempt;
        CompletableFuture<MediaItem> result = transfer.result;
        connection.request(transfer.begin, Reply.UploadStarted.class).whenCompleteAsync((started, error) -> {
            if (result.isDone()) {
                return;
            }
            if (error != null) {
                fail(transfer, unwrap(error));
                return;
            }
            forget(transfer);
            transfer.uploadId = started.uploadId();
            byUpload.put(started.uploadId(), transfer);
            attempt.beginOffset = started.offset();
            transfer.serverOffset = started.offset();
            transfer.next = started.offset();
            transfer.inFlight = 0;
            transfer.resyncing = false;
            log.debug("upload {} of {} bytes starts at {}", started.uploadId(), transfer.size(), started.offset());
            transfer.held.accept(started.offset());
            continueAfterAnswer(transfer);
        }, io);
    }

    /** Sends chunks up to the window, each read from the file as it goes: a 200 MB video never sits in memory. */
    private void pump(Transfer transfer) {
        if (transfer.inFlight >= WINDOW || transfer.next >= transfer.size()) {
            return;
        }
        try (FileChannel channel = FileChannel.open(transfer.file, StandardOpenOption.READ)) {
            while (transfer.inFlight < WINDOW && transfer.next < transfer.size()) {
                int length = (int) Math.min(Limits.MAX_CHUNK_BYTES, transfer.size() - transfer.next);
                ByteBuffer chunk = ByteBuffer.allocate(length);
                while (chunk.hasRemaining()) {
                    if (channel.read(chunk, transfer.next + chunk.position()) < 0) {
                        throw new IOException("the file to send became shorter");
                    }
                }
                if (!connection.sendBinary(UploadChunk.frame(transfer.uploadId, transfer.next, chunk.array(), 0,
                        length))) {
                    fail(transfer, new ProtocolException(ErrorCode.INTERNAL, "not connected"));
                    return;
                }
                transfer.next += length;
                transfer.inFlight++;
                transfer.attempt.bytesSent += length;
            }
        } catch (IOException e) {
            fail(transfer, new UncheckedIOException("cannot read the file to send", e));
        }
    }

    private void commit(Transfer transfer) {
        CompletableFuture<MediaItem> result = transfer.result;
        connection.request(new Request.MediaCommit(transfer.uploadId), MediaItem.class)
                .whenCompleteAsync((item, error) -> {
                    if (result.isDone()) {
                        return;
                    }
                    Throwable cause = error == null ? null : unwrap(error);
                    if (cause == null) {
                        bySha.remove(transfer.begin.sha256());
                        forget(transfer);
                        result.complete(item);
                    } else if (cause instanceof ProtocolException gone && gone.code() == ErrorCode.NOT_FOUND
                            && transfer.rebegins++ < MAX_REBEGINS) {
                        // The reply to an earlier commit was lost: begin again answers offset = size.
                        begin(transfer);
                    } else {
                        fail(transfer, cause);
                    }
                }, io);
    }

    private void fail(Transfer transfer, Throwable error) {
        transfer.inFlight = 0;
        transfer.resyncing = false;
        transfer.beginAgain = false;
        if (error instanceof ProtocolException refused && refused.code() != ErrorCode.INTERNAL
                && refused.code() != ErrorCode.RATE_LIMITED) {
            // Sending the same bytes again cannot help: start from nothing next time.
            bySha.remove(transfer.begin.sha256());
            forget(transfer);
        }
        if (transfer.result != null) {
            transfer.result.completeExceptionally(error);
        }
    }

    private Transfer live(UUID uploadId) {
        Transfer transfer = byUpload.get(uploadId);
        return transfer == null || transfer.result == null || transfer.result.isDone() ? null : transfer;
    }

    private void forget(Transfer transfer) {
        if (transfer.uploadId != null) {
            byUpload.remove(transfer.uploadId);
        }
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    /** One piece of content being uploaded, across attempts. */
    private static final class Transfer {
        final Request.MediaBegin begin;
        Path file;
        LongConsumer held;
        CompletableFuture<MediaItem> result;
        Attempt attempt;
        UUID uploadId;
        long serverOffset;
        long next;
        int inFlight;
        int rebegins;
        boolean resyncing;
        boolean beginAgain;

        Transfer(Request.MediaBegin begin, Path file) {
            this.begin = begin;
            this.file = file;
        }

        long size() {
            return begin.size();
        }
    }
}
