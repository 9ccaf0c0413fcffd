package dev.parley.server.net;

import dev.parley.protocol.Codec;
import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Event;
import dev.parley.protocol.ProtocolException;
import dev.parley.protocol.UploadChunk;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.framing.CloseFrame;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Between the socket and the services: decodes each frame off the WebSocket threads, runs it through the
 * {@link RequestHandler}, and sends exactly one reply, an {@code ok} or a typed {@code error} (never a
 * stack trace).
 */
public final class Gateway {
    private static final Logger log = LoggerFactory.getLogger(Gateway.class);
    /** Requests a connection may have waiting before it is refused; a client must await its replies. */
    private static final int MAX_PENDING_REQUESTS = 1_000;
    /**
     * Upload chunks a connection may have waiting (each up to 256 KiB, so a few MiB per connection). A
     * client keeps only a few chunks ahead of the server's {@code evt.upload} acknowledgements.
     */
    static final int MAX_PENDING_CHUNKS = 32;

    private final Codec codec;
    private final RequestHandler handler;
    private final ChunkHandler chunks;
    private final ExecutorService workers;
    /** Requests received and not yet handed to their service; shutdown waits for this to reach zero. */
    private final AtomicInteger waiting = new AtomicInteger();

    public Gateway(Codec codec, RequestHandler handler, ChunkHandler chunks, ExecutorService workers) {
        this.codec = codec;
        this.handler = handler;
        this.chunks = chunks;
        this.workers = workers;
    }

    ExecutorService workers() {
        return workers;
    }

    /** Called on a WebSocket thread: only queues the work. */
    void receive(ClientConnection connection, String frame) {
        if (connection.requests().pending() >= MAX_PENDING_REQUESTS) {
            log.warn("closing connection from {}: {} requests waiting", connection.remoteAddress(),
                    MAX_PENDING_REQUESTS);
            connection.close(CloseFrame.POLICY_VALIDATION, "too many requests waiting; await replies");
            return;
        }
        inOrder(connection, () -> serve(connection, frame));
    }

    /**
     * Called on a WebSocket thread with an upload chunk. It joins the connection's queue, so a chunk is
     * appended after the {@code media.begin} sent before it and before the {@code media.commit} sent after.
     */
    void receive(ClientConnection connection, UploadChunk chunk) {
        if (connection.pendingChunks().incrementAndGet() > MAX_PENDING_CHUNKS) {
            log.warn("closing connection from {}: {} upload chunks waiting", connection.remoteAddress(),
                    MAX_PENDING_CHUNKS);
            connection.close(CloseFrame.POLICY_VALIDATION, "too many chunks waiting; await evt.upload");
            return;
        }
        inOrder(connection, () -> {
            connection.pendingChunks().decrementAndGet();
            Identity me = connection.identity();
            Event answer = me == null
                    ? new Event.UploadRefused(chunk.uploadId(), null, ErrorCode.UNAUTHORIZED, "sign in first")
                    : chunks.receive(me, chunk);
            connection.send(codec.encodeEvent(answer));
        });
    }

    private void inOrder(ClientConnection connection, Runnable work) {
        waiting.incrementAndGet();
        try {
            connection.requests().execute(() -> {
                try {
                    work.run();
                } finally {
                    waiting.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException e) {
            waiting.decrementAndGet();
        }
    }

    /** Waits until every request received so far has been handed to its service (or the timeout passes). */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (waiting.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    private void serve(ClientConnection connection, String frame) {
        Codec.Decoded decoded = codec.decodeRequest(frame);
        if (decoded instanceof Codec.Decoded.Failed failed) {
            connection.send(codec.encodeError(failed.id(), failed.error()));
            return;
        }
        Codec.Decoded.Ok ok = (Codec.Decoded.Ok) decoded;
        CompletionStage<?> reply;
        try {
            reply = handler.handle(connection, ok.request());
        } catch (RuntimeException e) {
            connection.send(codec.encodeError(ok.id(), toProtocolError(connection, ok, e)));
            return;
        }
        reply.whenComplete((body, failure) -> {
            if (failure == null) {
                connection.send(codec.encodeOk(ok.id(), body));
            } else {
                connection.send(codec.encodeError(ok.id(), toProtocolError(connection, ok, failure)));
            }
        });
    }

    private static ProtocolException toProtocolError(ClientConnection connection, Codec.Decoded.Ok request,
            Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof ProtocolException protocolException) {
            return protocolException;
        }
        log.error("{} from {} failed", Codec.typeOf(request.request()), connection.remoteAddress(), cause);
        return new ProtocolException(ErrorCode.INTERNAL, "something went wrong on the server");
    }
}
