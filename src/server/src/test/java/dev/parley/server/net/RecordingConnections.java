package dev.parley.server.net;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ForkJoinPool;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.Framedata;

/**
 * Signed-in connections without a network, for tests of the delivery bus: each keeps the frames sent to it.
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
        WebSocket socket = (WebSocket) Proxy.newProxyInstance(WebSocket.class.getClassLoader(),
                new Class<?>[] {WebSocket.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "isOpen" -> true;
                    case "send" -> {
                        frames.add((String) args[0]);
                        yield null;
                    }
                    case "close" -> {
                        if (args != null && args.length > 0 && args[0] instanceof Integer code) {
                            closeCodes.add(code);
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
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "recording socket of user " + userId;
                    default -> null;
                });
        ClientConnection connection = new ClientConnection(socket, ForkJoinPool.commonPool(), 1_000_000);
        registry.bind(connection, new Identity(userId, "user" + userId, sessionId));
        return frames;
    }
}
