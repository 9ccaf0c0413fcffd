package dev.parley.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * One load-generator connection on the JDK's {@link WebSocket}: many of them share an {@link HttpClient} (and its
 * one selector thread), so thousands of connections cost a handful of threads. Whole text messages go to
 * {@code onText} on the client's executor; sends are queued so that one never overlaps another, as the JDK
 * requires.
 */
public final class BenchSocket {
    private final Consumer<String> onText;
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final Object sendLock = new Object();
    private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);
    private volatile WebSocket ws;

    private BenchSocket(Consumer<String> onText) {
        this.onText = onText;
    }

    /** Opens a connection; the future fails if the handshake does. */
    public static CompletableFuture<BenchSocket> open(HttpClient client, URI uri, Consumer<String> onText) {
        BenchSocket socket = new BenchSocket(onText);
        return client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(60))
                .buildAsync(uri, socket.new Listener())
                .thenApply(ws -> {
                    socket.ws = ws;
                    return socket;
                });
    }

    /** Sends a text frame after any sends before it; the future completes when it is written. */
    public CompletableFuture<?> send(String text) {
        synchronized (sendLock) {
            CompletableFuture<?> next = lastSend.handle((ok, failure) -> null)
                    .thenCompose(ignored -> ws.sendText(text, true));
            lastSend = next;
            return next;
        }
    }

    /** Completes with the close status (1006 when the connection was lost without a close frame). */
    public CompletableFuture<Integer> closed() {
        return closed;
    }

    public boolean isOpen() {
        return !closed.isDone() && ws != null && !ws.isInputClosed();
    }

    /** Closes with 1000 and completes when the close frame is sent. */
    public CompletableFuture<?> close() {
        synchronized (sendLock) {
            return lastSend.handle((ok, failure) -> null)
                    .thenCompose(ignored -> ws.sendClose(WebSocket.NORMAL_CLOSURE, ""));
        }
    }

    /** Drops the TCP connection without a close handshake. */
    public void abort() {
        if (ws != null) {
            ws.abort();
        }
        closed.complete(1006);
    }

    private final class Listener implements WebSocket.Listener {
        private StringBuilder partial;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            if (!last) {
                if (partial == null) {
                    partial = new StringBuilder();
                }
                partial.append(data);
            } else if (partial != null) {
                partial.append(data);
                String whole = partial.toString();
                partial = null;
                onText.accept(whole);
            } else {
                onText.accept(data.toString());
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(1006);
        }
    }
}
