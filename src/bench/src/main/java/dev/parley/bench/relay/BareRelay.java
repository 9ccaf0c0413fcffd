package dev.parley.bench.relay;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * The baseline: a bare WebSocket relay on the same library as the Parley server (Java-WebSocket) with no sign-in,
 * no JSON and no storage. A connection names itself by its path ({@code ws://host:port/<id>}). Each text frame is
 * {@code <request id> <target> <payload>}: the relay sends {@code payload} to the target — {@code u<id>} one
 * connection, {@code g<id>} every member of a group — and answers {@code ok <request id>}; the frame
 * {@code <request id> join g<id>} makes the sender a group member. Started as
 * {@code BareRelay [port]}; prints {@code relay listening on ws://127.0.0.1:<port>}.
 */
public final class BareRelay extends WebSocketServer {
    private final Map<String, WebSocket> byId = new ConcurrentHashMap<>();
    private final Map<String, Set<WebSocket>> groups = new ConcurrentHashMap<>();
    private final CountDownLatch started = new CountDownLatch(1);

    public BareRelay(int port) {
        super(new InetSocketAddress("127.0.0.1", port));
        setReuseAddr(true);
    }

    public static void main(String[] args) throws InterruptedException {
        BareRelay relay = new BareRelay(args.length > 0 ? Integer.parseInt(args[0]) : 0);
        relay.start();
        relay.started.await();
        System.out.println("relay listening on ws://127.0.0.1:" + relay.getPort());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                relay.stop(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        Thread.currentThread().join();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        String id = handshake.getResourceDescriptor().substring(1);
        conn.setAttachment(id);
        byId.put(id, conn);
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        String id = conn.getAttachment();
        if (id != null) {
            byId.remove(id, conn);
        }
        groups.values().forEach(members -> members.remove(conn));
    }

    @Override
    public void onMessage(WebSocket conn, String frame) {
        int first = frame.indexOf(' ');
        int second = frame.indexOf(' ', first + 1);
        if (first < 0 || second < 0) {
            conn.send("error " + frame);
            return;
        }
        String requestId = frame.substring(0, first);
        String target = frame.substring(first + 1, second);
        String payload = frame.substring(second + 1);
        if ("join".equals(target)) {
            groups.computeIfAbsent(payload, g -> ConcurrentHashMap.newKeySet()).add(conn);
        } else if (target.startsWith("g")) {
            for (WebSocket member : groups.getOrDefault(target, Set.of())) {
                send(member, payload);
            }
        } else {
            send(byId.get(target.substring(1)), payload);
        }
        conn.send("ok " + requestId);
    }

    private static void send(WebSocket to, String payload) {
        if (to != null && to.isOpen()) {
            to.send(payload);
        }
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer message) {
        conn.close(1003, "text only");
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        if (conn == null) {
            ex.printStackTrace();
        }
    }

    @Override
    public void onStart() {
        started.countDown();
    }
}
