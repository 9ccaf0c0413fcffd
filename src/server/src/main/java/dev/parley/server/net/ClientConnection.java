package dev.parley.server.net;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.Framedata;
import org.java_websocket.framing.PingFrame;
import org.java_websocket.framing.PongFrame;
import org.java_websocket.framing.TextFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's WebSocket: who it is signed in as, its serial request executor, and its bounded outbound
 * backlog. A peer that stops reading is cut off once the backlog is full rather than growing the heap;
 * it catches up through {@code sync} when it reconnects.
 */
public final class ClientConnection implements Heartbeat.Peer {
    /** Close code for a session that was revoked or signed out elsewhere. */
    public static final int CLOSE_SESSION_ENDED = 4001;
    /**
     * Close code logged for a peer that fell too far behind on reading. The TCP connection is dropped at once
     * (a close frame would queue behind the unread backlog), so the peer itself sees an abnormal closure.
     */
    public static final int CLOSE_TOO_SLOW = 4008;
    private static final Logger log = LoggerFactory.getLogger(ClientConnection.class);

    private final WebSocket socket;
    private final SerialExecutor requests;
    private final int maxBacklogFrames;
    private final String remoteAddress;
    private final AtomicInteger pendingChunks = new AtomicInteger();
    private volatile Identity identity;
    /** When the peer last answered a ping (System.nanoTime), or when the connection opened. */
    private volatile long lastPong = System.nanoTime();
    /** When the heartbeat last pinged it (System.nanoTime); 0 before the first ping. */
    private volatile long pingedAt;

    ClientConnection(WebSocket socket, Executor workers, int maxBacklogFrames) {
        this.socket = socket;
        this.requests = new SerialExecutor(workers);
        this.maxBacklogFrames = maxBacklogFrames;
        this.remoteAddress = addressOf(socket);
    }

    /** The peer's IP address as text ("unknown" if the socket no longer knows it). */
    static String addressOf(WebSocket socket) {
        InetSocketAddress remote = socket.getRemoteSocketAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    /**
     * A text frame encoded once for many connections, so a group's fan-out does not turn the same text into UTF-8
     * once per member. Its payload buffer is reused, so send it from one thread at a time.
     */
    public static final class Shared {
        private final List<Framedata> frames;

        private Shared(String text) {
            TextFrame frame = new TextFrame();
            frame.setPayload(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
            frame.setFin(true);
            this.frames = List.of(frame);
        }
    }

    /** Encodes {@code text} once for {@link #send(Shared)} to many connections. */
    public static Shared share(String text) {
        return new Shared(text);
    }

    /** Queues a frame; drops it if the socket is gone, and cuts the peer off if its backlog is full. */
    public void send(String frame) {
        if (ready()) {
            try {
                socket.send(frame);
            } catch (WebsocketNotConnectedException e) {
                log.debug("frame for {} dropped: connection closed", who());
            }
        }
    }

    /** {@link #send(String)} for a frame encoded once for many connections. */
    public void send(Shared frame) {
        if (ready()) {
            try {
                socket.sendFrame(frame.frames);
            } catch (WebsocketNotConnectedException e) {
                log.debug("frame for {} dropped: connection closed", who());
            }
        }
    }

    /** Whether a frame may be queued: the socket is open and its peer is not too far behind (else cut off). */
    private boolean ready() {
        return socket.isOpen() && !cutOffIfBehind();
    }

    /**
     * Answers a ping, under the same bound as every other frame: a peer that floods pings without reading the
     * pongs would otherwise make the server queue them without limit.
     */
    void answerPing(Framedata ping) {
        if (ready()) {
            try {
                socket.sendFrame(new PongFrame((PingFrame) ping));
            } catch (WebsocketNotConnectedException e) {
                log.debug("pong for {} dropped: connection closed", who());
            }
        }
    }

    private boolean cutOffIfBehind() {
        if (backlog() < maxBacklogFrames) {
            return false;
        }
        log.warn("closing connection of {} from {}: {} frames unread", who(), remoteAddress, backlog());
        socket.closeConnection(CLOSE_TOO_SLOW, "too far behind; reconnect and sync");
        return true;
    }

    private int backlog() {
        return socket instanceof WebSocketImpl impl ? impl.outQueue.size() : 0;
    }

    public void close(int code, String reason) {
        socket.close(code, reason);
    }

    /** The peer answered a ping. */
    void ponged() {
        lastPong = System.nanoTime();
    }

    @Override
    public long lastPong() {
        return lastPong;
    }

    @Override
    public long pingedAt() {
        return pingedAt;
    }

    @Override
    public void ping(long now) {
        pingedAt = now;
        try {
            socket.sendPing();
        } catch (WebsocketNotConnectedException e) {
            log.debug("ping for {} dropped: connection closed", who());
        }
    }

    @Override
    public void drop() {
        log.info("dropping the connection of {} from {}: no answer to pings", who(), remoteAddress);
        socket.closeConnection(org.java_websocket.framing.CloseFrame.ABNORMAL_CLOSE, "no answer to pings");
    }

    public Identity identity() {
        return identity;
    }

    void identity(Identity identity) {
        this.identity = identity;
    }

    public String remoteAddress() {
        return remoteAddress;
    }

    SerialExecutor requests() {
        return requests;
    }

    /** Upload chunks received and not yet appended. */
    AtomicInteger pendingChunks() {
        return pendingChunks;
    }

    private String who() {
        Identity current = identity;
        return current == null ? "an anonymous client" : "@" + current.handle();
    }
}
