package dev.parley.client.net;

import dev.parley.protocol.Codec;
import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Event;
import dev.parley.protocol.Limits;
import dev.parley.protocol.ProtocolException;
import dev.parley.protocol.Request;
import dev.parley.protocol.ServerFrame;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ServerHandshake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one WebSocket to the server: reconnects with backoff and jitter, matches replies to requests by id
 * (with a timeout), and hands pushes to its {@link Listener}. Callbacks run on the connection's own
 * threads, never on the JavaFX thread.
 */
public final class ServerConnection implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ServerConnection.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    private static final int CONNECT_TIMEOUT_MS = 10_000;
    private static final int CLOSE_SESSION_ENDED = 4001;

    /** Receives what happens on the connection; every method does nothing unless overridden. */
    public interface Listener {
        /** A listener for a connection used only for requests and replies. */
        Listener NONE = new Listener() {
        };

        /** The socket is open (again); sign in and catch up here. Runs on a background thread. */
        default void onOpen() {
        }

        default void onEvent(Event event) {
        }

        default void onClosed(boolean sessionEnded) {
        }

        /**
         * The server's certificate is not trusted (see {@link TrustProblem}); the connection stops retrying until
         * {@link #retryNow()}, e.g. after the person pinned or forgot a certificate. Runs on a background thread.
         */
        default void onTrustProblem(TrustProblem problem) {
        }
    }

    private final URI uri;
    private final Codec codec;
    private final Listener listener;
    private final ScheduledExecutorService scheduler;
    private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), new Random());
    private final Map<String, CompletableFuture<ServerFrame.Ok>> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final CompletableFuture<Void> firstOpen = new CompletableFuture<>();
    private final ServerTrust trust;
    /** Made at the first attempt, on the connection's thread (it reads the JDK's security setup). */
    private SSLContext tls;
    private volatile Socket socket;
    private volatile boolean closed;
    /** Set when a handshake was refused for a trust problem: no automatic reconnect until {@link #retryNow()}. */
    private volatile UntrustedServerException untrusted;
    private java.util.concurrent.ScheduledFuture<?> reconnect;

    /** For {@code wss://}, trusts what the JDK's authorities vouch for (no pins). */
    public ServerConnection(URI uri, Codec codec, Listener listener) {
        this(uri, codec, listener, null);
    }

    /** For {@code wss://}, trusts what {@code trust} does (null: the JDK's authorities, no pins). */
    public ServerConnection(URI uri, Codec codec, Listener listener, ServerTrust trust) {
        this.uri = uri;
        this.trust = trust != null ? trust : ServerTrust.system(null);
        this.codec = codec;
        this.listener = listener;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "parley-connection");
            thread.setDaemon(true);
            return thread;
        });
    }

    public URI uri() {
        return uri;
    }

    /** Starts connecting; retries until {@link #close()}. */
    public void start() {
        scheduler.execute(this::connect);
    }

    /** Completes when the socket first opens; sign-in uses it to tell "server unreachable" apart. */
    public CompletableFuture<Void> firstOpen() {
        return firstOpen;
    }

    public boolean isOpen() {
        Socket current = socket;
        return current != null && current.isOpen();
    }

    /** Sends a request; the future fails with {@link ProtocolException} on an error reply, timeout or loss. */
    public <T> CompletableFuture<T> request(Request request, Class<T> replyType) {
        Socket current = socket;
        if (current == null || !current.isOpen()) {
            return CompletableFuture.failedFuture(notConnected());
        }
        String id = Long.toString(ids.incrementAndGet());
        CompletableFuture<ServerFrame.Ok> reply = new CompletableFuture<>();
        pending.put(id, reply);
        try {
            current.send(codec.encodeRequest(id, request));
        } catch (RuntimeException e) {
            pending.remove(id);
            return CompletableFuture.failedFuture(notConnected());
        }
        return reply.orTimeout(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((ok, error) -> pending.remove(id))
                .exceptionallyCompose(error -> {
                    Throwable cause = error instanceof CompletionException && error.getCause() != null
                            ? error.getCause() : error;
                    return CompletableFuture.failedFuture(cause instanceof TimeoutException
                            ? new ProtocolException(ErrorCode.INTERNAL, "the server did not answer in time")
                            : cause);
                })
                .thenApply(ok -> codec.readBody(ok.body(), replyType));
    }

    /**
     * Sends a binary frame (an upload chunk) on the current socket; false when there is none or it is closing,
     * so the caller can wait for the next connection instead of queueing frames nobody will read.
     */
    public boolean sendBinary(java.nio.ByteBuffer frame) {
        Socket current = socket;
        if (current == null || !current.isOpen()) {
            return false;
        }
        try {
            current.send(frame);
            return true;
        } catch (RuntimeException e) {
            log.debug("binary frame not sent: {}", e.toString());
            return false;
        }
    }

    private static ProtocolException notConnected() {
        return new ProtocolException(ErrorCode.INTERNAL, "not connected");
    }

    /** Runs on the scheduler thread only, so attempts never overlap: at most one socket is current. */
    private void connect() {
        Socket current = socket;
        if (closed || (current != null && !current.isClosed() && !current.attemptFailed)) {
            return;
        }
        if (tls == null && "wss".equalsIgnoreCase(uri.getScheme())) {
            tls = trust.contextFor(uri);
        }
        Socket next = new Socket(uri);
        socket = next;
        next.connect();
    }

    private void scheduleReconnect() {
        if (closed) {
            return;
        }
        Duration wait = backoff.next();
        log.debug("reconnecting to {} in {} ms", uri, wait.toMillis());
        try {
            reconnect = scheduler.schedule(this::connect, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.debug("connection closed; no reconnect");
        }
    }

    /** Reconnects now instead of waiting for the backoff (e.g. when the user clicks Retry). */
    public void retryNow() {
        if (!isOpen() && !closed) {
            untrusted = null;
            backoff.reset();
            scheduler.execute(() -> {
                if (reconnect != null) {
                    reconnect.cancel(false);
                }
                connect();
            });
        }
    }

    /** Drops the current socket so the usual reconnect (and catch-up) runs again, e.g. after a failed sync. */
    public void reconnect() {
        Socket current = socket;
        if (current != null) {
            current.close();
        }
    }

    @Override
    public void close() {
        closed = true;
        scheduler.shutdownNow();
        Socket current = socket;
        if (current != null) {
            current.close();
            // While still connecting, close() is a no-op in Java-WebSocket; the socket closes itself on open.
        }
        failPending();
    }

    private void failPending() {
        List.copyOf(pending.values()).forEach(f -> f.completeExceptionally(
                new ProtocolException(ErrorCode.INTERNAL, "connection lost")));
        pending.clear();
    }

    /** One attempt's socket; a new one is made for each reconnect. */
    private final class Socket extends WebSocketClient {
        /** Set when this attempt ended, so a new one may start. */
        volatile boolean attemptFailed;

        Socket(URI target) {
            super(target, new Draft_6455(List.of(), List.of(new org.java_websocket.protocols.Protocol("")),
                    Limits.MAX_SERVER_FRAME_BYTES), java.util.Map.of(), CONNECT_TIMEOUT_MS);
            setConnectionLostTimeout(30);
            setTcpNoDelay(true);
            if (tls != null) {
                setSocketFactory(tls.getSocketFactory());
            }
            // The app must be able to exit while a connection is open or still being attempted.
            setDaemon(true);
        }

        /** Java-WebSocket turns on the hostname check here ("HTTPS"); kept, and old TLS versions are off. */
        @Override
        protected void onSetSSLParameters(SSLParameters parameters) {
            super.onSetSSLParameters(parameters);
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        }

        private boolean superseded() {
            return closed || socket != this;
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
            if (superseded()) {
                close();
                return;
            }
            backoff.reset();
            firstOpen.complete(null);
            scheduler.execute(() -> {
                if (socket == this) {
                    listener.onOpen();
                }
            });
        }

        @Override
        public void onMessage(String text) {
            if (superseded()) {
                return;
            }
            ServerFrame frame;
            try {
                frame = codec.decodeServerFrame(text);
            } catch (ProtocolException e) {
                log.warn("ignoring a frame the client cannot read: {}", e.getMessage());
                return;
            }
            if (frame instanceof ServerFrame.Ok ok) {
                complete(ok.re(), future -> future.complete(ok));
            } else if (frame instanceof ServerFrame.Error error) {
                complete(error.re(), future -> future.completeExceptionally(error.toException()));
            } else if (frame instanceof ServerFrame.Pushed pushed) {
                listener.onEvent(pushed.event());
            }
        }

        private void complete(String re, java.util.function.Consumer<CompletableFuture<ServerFrame.Ok>> action) {
            CompletableFuture<ServerFrame.Ok> future = re == null ? null : pending.get(re);
            if (future != null) {
                action.accept(future);
            }
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            attemptFailed = true;
            if (superseded()) {
                return;
            }
            failPending();
            boolean sessionEnded = code == CLOSE_SESSION_ENDED;
            listener.onClosed(sessionEnded);
            if (!sessionEnded && untrusted == null) {
                scheduleReconnect();
            }
        }

        @Override
        public void onError(Exception error) {
            log.debug("connection error: {}", error.toString());
            UntrustedServerException refused = UntrustedServerException.in(error).orElse(null);
            if (refused != null && !superseded() && untrusted == null) {
                // Before onClose, which then does not schedule a reconnect.
                untrusted = refused;
                log.warn("not connecting to {}: {}", uri, refused.problem());
                firstOpen.completeExceptionally(refused);
                try {
                    scheduler.execute(() -> listener.onTrustProblem(refused.problem()));
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    log.debug("connection closed; trust problem not reported");
                }
            }
        }
    }
}
