package dev.parley.server.net;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.Framedata;

/**
 * Connections without a network, for tests of the delivery bus and for feeding the transport frames in-process:
 * each keeps the frames sent to it.
 */
public final class RecordingConnections {
    private RecordingConnections() {
    }

    /** A connection signed in to the registry as the user; the returned list fills with the frames it is sent. */
    public static List<String> signIn(SessionRegistry registry, long userId, long sessionId) {
        return signIn(registry, userId, sessionId, new CopyOnWriteArrayList<>());
    }

    /** As {@link #signIn(SessionRegistry, long, long)}; {@code closeCodes} fills with the codes it is closed with. */
    public static List<String> signIn(SessionRegistry registry, long userId, long sessionId,
                                      List<Integer> closeCodes) {
        List<String> frames = new CopyOnWriteArrayList<>();
        ClientConnection connection = new ClientConnection(socket("user " + userId, frames, closeCodes, false),
                ForkJoinPool.commonPool(), 1_000_000);
        registry.bind(connection, new Identity(userId, "user" + userId, sessionId));
        return frames;
    }

    /**
     * A socket that adds the text frames sent to it to {@code frames} and the codes it is closed with to
     * {@code closeCodes}; it keeps an attachment like a real one. With {@code closes}, it is no longer open once
     * closed; otherwise it stays open, as a connection whose close is never acknowledged.
     */
    public static WebSocket socket(String name, Collection<String> frames, Collection<Integer> closeCodes,
                                   boolean closes) {
        AtomicReference<Object> attachment = new AtomicReference<>();
        AtomicBoolean open = new AtomicBoolean(true);
        return (WebSocket) Proxy.newProxyInstance(WebSocket.class.getClassLoader(),
                new Class<?>[] {WebSocket.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "isOpen" -> open.get();
                    case "isClosed" -> !open.get();
                    case "send" -> {
                        if (args[0] instanceof String frame) {
                            frames.add(frame);
                        }
                        yield null;
                    }
                    case "sendFrame" -> {
                        for (Object frame : (Collection<?>) args[0]) {
                            frames.add(StandardCharsets.UTF_8.decode(((Framedata) frame).getPayloadData().duplicate())
                                    .toString());
                        }
                        yield null;
                    }
                    case "close", "closeConnection" -> {
                        if (args != null && args.length > 0 && args[0] instanceof Integer code) {
                            closeCodes.add(code);
                        }
                        if (closes) {
                            open.set(false);
                        }
                        yield null;
                    }
                    case "setAttachment" -> {
                        attachment.set(args[0]);
                        yield null;
                    }
                    case "getAttachment" -> attachment.get();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "recording socket of " + name;
                    default -> null;
                });
    }
}
