package dev.parley.server.net;

import dev.parley.protocol.Limits;
import dev.parley.protocol.ProtocolException;
import dev.parley.protocol.UploadChunk;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Java-WebSocket server. Its selector and decoder threads only hand frames to the {@link Gateway}.
 * Frames are checked by {@link StrictDraft} (RFC 6455 rules the library leaves out, and message size
 * limits, 1009); connections are capped per remote address ({@link ConnectionsPerAddress}, 1013 past it), and so
 * are handshakes not finished yet, each of which has a deadline ({@link PendingHandshakes}).
 */
public final class WsTransport extends WebSocketServer {
    private static final Logger log = LoggerFactory.getLogger(WsTransport.class);
    /**
     * Connections the kernel may hold completed but not yet accepted. Java-WebSocket's default leaves Java's 50,
     * and a few hundred clients reconnecting at once overflow it: their SYNs are dropped and they retry after 1, 3,
     * 7 … seconds. The kernel caps this at {@code net.core.somaxconn} (4,096 on Linux since 5.4).
     */
    static final int ACCEPT_BACKLOG = 65_535;
    /** How often each connection is pinged (Java-WebSocket's lost-connection timer used 30 s here before). */
    public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(30);

    private final Gateway gateway;
    private final SessionRegistry registry;
    private final int maxBacklogFrames;
    private final ConnectionsPerAddress perAddress;
    private final PendingHandshakes pendingHandshakes;
    private final CompletableFuture<Void> started = new CompletableFuture<>();
    private final Duration pingInterval;
    private volatile Heartbeat heartbeat;
    private volatile boolean draining;
    private volatile boolean tls;

    /**
     * @param maxConnectionsPerAddress open connections allowed from one IP address, and as many more with their
     *                                 handshake unfinished; 0 for no cap
     * @param handshakeTimeout         how long an accepted connection has to finish its TLS and WebSocket handshake
     */
    public WsTransport(InetSocketAddress address, Gateway gateway, SessionRegistry registry, int maxBacklogFrames,
            int maxConnectionsPerAddress, Duration handshakeTimeout) {
        this(address, gateway, registry, maxBacklogFrames, maxConnectionsPerAddress, handshakeTimeout,
                DEFAULT_PING_INTERVAL);
    }

    /**
     * @param pingInterval how often each connection is pinged; one that leaves a ping unanswered that long is dropped
     */
    public WsTransport(InetSocketAddress address, Gateway gateway, SessionRegistry registry, int maxBacklogFrames,
            int maxConnectionsPerAddress, Duration handshakeTimeout, Duration pingInterval) {
        super(address, 2, List.of(new StrictDraft()));
        this.gateway = gateway;
        this.registry = registry;
        this.maxBacklogFrames = maxBacklogFrames;
        this.perAddress = new ConnectionsPerAddress(maxConnectionsPerAddress);
        this.pendingHandshakes = new PendingHandshakes(new org.java_websocket.server.DefaultWebSocketServerFactory(),
                maxConnectionsPerAddress, handshakeTimeout);
        setWebSocketFactory(pendingHandshakes);
        setReuseAddr(true);
        setMaxPendingConnections(ACCEPT_BACKLOG);
        // Chat is small request/reply frames: without this, Nagle plus delayed ACKs add ~40 ms per round trip.
        setTcpNoDelay(true);
        // Lost connections are found by the Heartbeat, which spreads its pings over the interval.
        setConnectionLostTimeout(0);
        this.pingInterval = pingInterval;
    }

    /**
     * Serves {@code wss://} with this TLS context (before {@link #startAndWait()}): TLS 1.2 and 1.3 only. The
     * handshakes' delegated tasks run on one named daemon thread.
     */
    public void useTls(javax.net.ssl.SSLContext context) {
        javax.net.ssl.SSLParameters parameters = context.getDefaultSSLParameters();
        parameters.setProtocols(ServerCertificate.PROTOCOLS.toArray(String[]::new));
        java.util.concurrent.ExecutorService tasks = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "parley-tls");
            thread.setDaemon(true);
            return thread;
        });
        pendingHandshakes.wrap(new org.java_websocket.server.SSLParametersWebSocketServerFactory(context, tasks,
                parameters));
        tls = true;
    }

    /** Whether this server speaks {@code wss://}. */
    public boolean tls() {
        return tls;
    }

    /** Starts listening and waits until the port is bound. */
    public void startAndWait() throws IOException {
        start();
        try {
            started.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IOException("cannot listen on " + getAddress(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("timed out starting to listen on " + getAddress(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting", e);
        }
    }

    /**
     * From now on, new connections are turned away and new frames are ignored: they get no reply, and their
     * senders resend them after reconnecting. Then waits until every frame received before is in service.
     */
    public void drain(Duration timeout) throws InterruptedException {
        draining = true;
        if (!gateway.awaitIdle(timeout)) {
            log.warn("requests still waiting at shutdown");
        }
    }

    /** While draining, refuse the handshake itself: an accepted connection would only wait for replies. */
    @Override
    public org.java_websocket.handshake.ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket socket,
            org.java_websocket.drafts.Draft draft, ClientHandshake request)
            throws org.java_websocket.exceptions.InvalidDataException {
        if (draining) {
            throw new org.java_websocket.exceptions.InvalidDataException(CloseFrame.TRY_AGAIN_LATER,
                    "server is shutting down");
        }
        return super.onWebsocketHandshakeReceivedAsServer(socket, draft, request);
    }

    /**
     * Closes every connection with 1001 and waits (up to {@code timeout}) for the closing handshakes; any
     * connection still open then is dropped at the TCP level. Java-WebSocket's own {@code stop()} can end its
     * selector loop before queued close frames are written and leaves those sockets open, so a client would
     * only notice the server is gone at its next ping.
     */
    public void closeAll(Duration timeout) throws InterruptedException {
        for (WebSocket socket : getConnections()) {
            socket.close(CloseFrame.GOING_AWAY, "server is shutting down");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!getConnections().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        for (WebSocket socket : getConnections()) {
            socket.closeConnection(CloseFrame.GOING_AWAY, "server is shutting down");
        }
    }

    @Override
    public void onStart() {
        SelectedKeys.drainEachSelect(this);
        heartbeat = new Heartbeat(this::clientConnections, pingInterval);
        started.complete(null);
    }

    @Override
    public void stop(int timeout, String closeMessage) throws InterruptedException {
        Heartbeat beating = heartbeat;
        if (beating != null) {
            beating.close();
        }
        super.stop(timeout, closeMessage);
    }

    /** Keys waiting in the selector's selected-key set now (for tests: 0 at rest once drained). */
    public int selectedKeysWaiting() {
        return SelectedKeys.waiting(this);
    }

    @Override
    public void onOpen(WebSocket socket, ClientHandshake handshake) {
        pendingHandshakes.opened(socket);
        if (draining) {
            socket.close(CloseFrame.GOING_AWAY, "server is shutting down");
            return;
        }
        String address = ClientConnection.addressOf(socket);
        if (!perAddress.tryOpen(address)) {
            log.warn("refusing a connection from {}: {} open from there already", address, perAddress.max());
            socket.close(CloseFrame.TRY_AGAIN_LATER, "too many connections from your address; try again later");
            return;
        }
        socket.setAttachment(new ClientConnection(socket, gateway.workers(), maxBacklogFrames));
    }

    /** The open connections that were let in (those refused at opening have no {@link ClientConnection}). */
    private List<ClientConnection> clientConnections() {
        List<ClientConnection> connections = new java.util.ArrayList<>();
        for (WebSocket socket : getConnections()) {
            ClientConnection connection = socket.getAttachment();
            if (connection != null && socket.isOpen()) {
                connections.add(connection);
            }
        }
        return connections;
    }

    @Override
    public void onWebsocketPong(WebSocket socket, Framedata pong) {
        ClientConnection connection = socket.getAttachment();
        if (connection != null) {
            connection.ponged();
        }
    }

    /** Pongs go out under the connection's backlog bound, like every other frame. */
    @Override
    public void onWebsocketPing(WebSocket socket, Framedata ping) {
        ClientConnection connection = socket.getAttachment();
        if (connection == null) {
            super.onWebsocketPing(socket, ping);
        } else {
            connection.answerPing(ping);
        }
    }

    /** Text frames over {@link Limits#MAX_FRAME_BYTES} never get here: {@link StrictDraft} closes with 1009. */
    @Override
    public void onMessage(WebSocket socket, String frame) {
        ClientConnection connection = socket.getAttachment();
        if (connection != null && !draining) {
            gateway.receive(connection, frame);
        }
    }

    /** A binary frame is an upload chunk; one that cannot even name its upload is a protocol violation. */
    @Override
    public void onMessage(WebSocket socket, ByteBuffer frame) {
        UploadChunk chunk;
        try {
            chunk = UploadChunk.parse(frame);
        } catch (ProtocolException e) {
            socket.close(CloseFrame.REFUSE, "a binary frame must be an upload chunk");
            return;
        }
        ClientConnection connection = socket.getAttachment();
        if (connection != null && !draining) {
            gateway.receive(connection, chunk);
        }
    }

    @Override
    public void onClose(WebSocket socket, int code, String reason, boolean remote) {
        ClientConnection connection = socket.getAttachment();
        if (connection != null) {
            registry.unbind(connection);
            perAddress.closed(connection.remoteAddress());
        }
    }

    @Override
    public void onError(WebSocket socket, Exception error) {
        if (socket == null) {
            if (!started.completeExceptionally(error)) {
                log.error("WebSocket server failed", error);
            }
        } else {
            log.debug("connection error from {}", socket.getRemoteSocketAddress(), error);
        }
    }
}
