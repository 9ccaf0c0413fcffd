package dev.parley.server.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketAdapter;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.WebSocketServerFactory;
import org.java_websocket.drafts.Draft;
import org.java_websocket.enums.ReadyState;
import org.java_websocket.framing.CloseFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connections accepted whose handshake (TLS, then the WebSocket upgrade) has not finished. A slow-loris client opens
 * TCP connections and never finishes them: each would hold a file descriptor for good, and the per-address cap of
 * {@link ConnectionsPerAddress} counts only open WebSockets. So each accepted connection gets {@code deadline} to
 * finish its handshake or is dropped, and one address may have at most {@code maxPerAddress} unfinished at once:
 * past that, a new connection from there is dropped as it is accepted. It wraps the server's socket factory, since
 * accepting is the only moment Java-WebSocket tells about a connection before its handshake.
 */
final class PendingHandshakes implements WebSocketServerFactory {
    private static final Logger log = LoggerFactory.getLogger(PendingHandshakes.class);

    private volatile WebSocketServerFactory factory;
    private final int maxPerAddress;
    private final long deadlineNanos;
    private final LongSupplier nanoTime;
    private final Map<WebSocketImpl, Pending> pending = new ConcurrentHashMap<>();
    private final ConnectionsPerAddress perAddress;
    private final ScheduledExecutorService sweeper;

    private record Pending(String address, long acceptedAt) {
    }

    /**
     * @param maxPerAddress unfinished handshakes allowed from one address; 0 for no cap (behind a load balancer)
     * @param deadline      how long a connection has to finish its handshake
     */
    PendingHandshakes(WebSocketServerFactory factory, int maxPerAddress, Duration deadline) {
        this(factory, maxPerAddress, deadline, System::nanoTime);
    }

    PendingHandshakes(WebSocketServerFactory factory, int maxPerAddress, Duration deadline, LongSupplier nanoTime) {
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("the handshake deadline must be positive: " + deadline);
        }
        this.factory = factory;
        this.maxPerAddress = maxPerAddress;
        this.perAddress = new ConnectionsPerAddress(maxPerAddress);
        this.deadlineNanos = deadline.toNanos();
        this.nanoTime = nanoTime;
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "parley-handshake-deadline");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(50, Math.min(1_000, deadline.toMillis() / 4));
        sweeper.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
    }

    /** Wraps another socket factory from now on (the TLS one, when the server is given a certificate). */
    void wrap(WebSocketServerFactory factory) {
        this.factory = factory;
    }

    @Override
    public WebSocketImpl createWebSocket(WebSocketAdapter adapter, Draft draft) {
        return factory.createWebSocket(adapter, draft);
    }

    @Override
    public WebSocketImpl createWebSocket(WebSocketAdapter adapter, List<Draft> drafts) {
        return factory.createWebSocket(adapter, drafts);
    }

    /**
     * Called on the selector thread for every accepted connection, before any byte of it is read. Throwing here
     * makes Java-WebSocket close the channel.
     */
    @Override
    public ByteChannel wrapChannel(SocketChannel channel, SelectionKey key) throws IOException {
        WebSocketImpl socket = (WebSocketImpl) key.attachment();
        String address = addressOf(channel);
        if (!perAddress.tryOpen(address)) {
            log.warn("dropping a connection from {}: {} handshakes from there unfinished already", address,
                    maxPerAddress);
            throw new IOException("too many unfinished handshakes from " + address);
        }
        pending.put(socket, new Pending(address, nanoTime.getAsLong()));
        try {
            return factory.wrapChannel(channel, key);
        } catch (IOException | RuntimeException e) {
            forget(socket);
            throw e;
        }
    }

    /** The handshake finished: the connection now counts under {@link ConnectionsPerAddress} instead. */
    void opened(WebSocket socket) {
        forget(socket);
    }

    /** Unfinished handshakes now (for tests and logs). */
    int count() {
        return pending.size();
    }

    /** Drops connections past their deadline, and forgets those that finished or closed meanwhile. */
    void sweep() {
        long now = nanoTime.getAsLong();
        for (Map.Entry<WebSocketImpl, Pending> entry : pending.entrySet()) {
            WebSocketImpl socket = entry.getKey();
            if (socket.getReadyState() != ReadyState.NOT_YET_CONNECTED) {
                forget(socket);
            } else if (now - entry.getValue().acceptedAt() >= deadlineNanos) {
                forget(socket);
                log.info("dropping a connection from {}: no handshake within {} ms", entry.getValue().address(),
                        TimeUnit.NANOSECONDS.toMillis(deadlineNanos));
                try {
                    socket.closeConnection(CloseFrame.ABNORMAL_CLOSE, "handshake not finished in time");
                } catch (RuntimeException e) {
                    log.debug("closing an unfinished handshake failed", e);
                }
            }
        }
    }

    private void forget(WebSocket socket) {
        Pending was = pending.remove(socket);
        if (was != null) {
            perAddress.closed(was.address());
        }
    }

    private static String addressOf(SocketChannel channel) {
        try {
            if (channel.getRemoteAddress() instanceof InetSocketAddress remote && remote.getAddress() != null) {
                return remote.getAddress().getHostAddress();
            }
        } catch (IOException e) {
            // closed already: counted under "unknown" until the sweep forgets it
        }
        return "unknown";
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        factory.close();
    }
}
