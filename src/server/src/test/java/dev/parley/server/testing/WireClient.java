package dev.parley.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.protocol.Codec;
import dev.parley.protocol.Request;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A protocol-level test client on the JDK's own WebSocket: sends typed or raw frames, matches replies to
 * requests by id, and collects pushes. It speaks the wire, not the server's Java API.
 */
public final class WireClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Codec CODEC = new Codec();
    private static final AtomicLong IDS = new AtomicLong();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final WebSocket socket;
    private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<JsonNode> unmatched = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private String token;
    private String handle;

    private WireClient(URI uri, HttpClient http) {
        this.socket = http.newWebSocketBuilder()
                .connectTimeout(TIMEOUT)
                .buildAsync(uri, new Listener())
                .orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                .join();
    }

    public static WireClient connect(URI uri) {
        return new WireClient(uri, HttpClient.newHttpClient());
    }

    /** Connects through a shared HTTP client, for tests that reconnect hundreds of times. */
    public static WireClient connect(URI uri, HttpClient http) {
        return new WireClient(uri, http);
    }

    /** Connects to a {@code wss://} server with this TLS context (e.g. one trusting a test certificate). */
    public static WireClient connect(URI uri, javax.net.ssl.SSLContext tls) {
        return new WireClient(uri, HttpClient.newBuilder().sslContext(tls).build());
    }

    /** Connects and registers a new account, remembering its token. */
    public static WireClient registered(URI uri, String handle) {
        WireClient client = connect(uri);
        JsonNode body = client.ok(new Request.Register(handle, displayName(handle), "password-" + handle, "test"));
        client.token = body.get("token").asText();
        client.handle = handle;
        return client;
    }

    /** Opens another connection signed in with this client's token, like a second window of the same device. */
    public WireClient resume(URI uri) {
        WireClient other = connect(uri);
        other.ok(new Request.Hello(1, token));
        other.token = token;
        other.handle = handle;
        return other;
    }

    /** Makes two people friends (they follow each other), so strangers' request limits do not apply. */
    public static void befriend(WireClient one, WireClient other) {
        one.ok(new Request.UserFollow(other.handle()));
        other.ok(new Request.UserFollow(one.handle()));
    }

    public String handle() {
        return handle;
    }

    public String token() {
        return token;
    }

    public static String displayName(String handle) {
        return Character.toUpperCase(handle.charAt(0)) + handle.substring(1);
    }

    /** Sends a typed request and returns the reply frame when it arrives. */
    public CompletableFuture<JsonNode> request(Request request) {
        String id = "r" + IDS.incrementAndGet();
        CompletableFuture<JsonNode> reply = expect(id);
        sendRaw(CODEC.encodeRequest(id, request));
        return reply;
    }

    /** Sends a request built from raw JSON fields and returns the reply frame. */
    public JsonNode rawRequest(String type, String bodyJson) {
        String id = "r" + IDS.incrementAndGet();
        CompletableFuture<JsonNode> reply = expect(id);
        sendRaw("{\"v\":1,\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"body\":" + bodyJson + "}");
        return reply.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
    }

    public CompletableFuture<JsonNode> expect(String id) {
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        return reply;
    }

    /** Sends a typed request, asserts an {@code ok} reply, and returns its body. */
    public JsonNode ok(Request request) {
        JsonNode reply = request(request).orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        assertThat(reply.get("type").asText()).as("reply to %s: %s", Codec.typeOf(request), reply).isEqualTo("ok");
        return reply.get("body");
    }

    /** Sends a typed request, asserts an {@code error} reply, and returns the whole frame. */
    public JsonNode error(Request request) {
        JsonNode reply = request(request).orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        assertThat(reply.get("type").asText()).as("reply to %s: %s", Codec.typeOf(request), reply)
                .isEqualTo("error");
        return reply;
    }

    public <T> T ok(Request request, Class<T> bodyType) {
        return CODEC.readBody(ok(request), bodyType);
    }

    public void sendRaw(String frame) {
        socket.sendText(frame, true).orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
    }

    public void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
    }

    /** The next reply that could not name its request (e.g. to malformed JSON). */
    public JsonNode nextUnmatched() throws InterruptedException {
        JsonNode frame = unmatched.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(frame).as("a reply without a request id").isNotNull();
        return frame;
    }

    /** Waits for the next push matching a condition, discarding others before it. */
    public JsonNode awaitEvent(Predicate<JsonNode> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (event != null && condition.test(event)) {
                return event;
            }
        }
        throw new AssertionError("no matching event within " + TIMEOUT);
    }

    /** Waits for {@code count} message pushes and returns their message bodies in arrival order. */
    public List<JsonNode> awaitMessages(int count) throws InterruptedException {
        List<JsonNode> messages = new ArrayList<>();
        while (messages.size() < count) {
            messages.add(awaitEvent(e -> e.get("type").asText().equals("evt.message")).get("body").get("message"));
        }
        return messages;
    }

    public List<JsonNode> drainEvents() {
        List<JsonNode> drained = new ArrayList<>();
        events.drainTo(drained);
        return drained;
    }

    /** Completes with the close code the server sent (1006 when the socket just dropped). */
    public CompletableFuture<Integer> closeCode() {
        return closeCode;
    }

    public boolean isClosed() {
        return closeCode.isDone();
    }

    /** Drops the TCP connection without a close handshake, as a crash or lost network would. */
    public void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                dispatch(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        private void dispatch(String text) {
            JsonNode frame;
            try {
                frame = JSON.readTree(text);
            } catch (Exception e) {
                throw new AssertionError("server sent invalid JSON: " + text, e);
            }
            JsonNode re = frame.get("re");
            if (re != null && !re.isNull() && pending.containsKey(re.asText())) {
                pending.remove(re.asText()).complete(frame);
            } else if (frame.has("re")) {
                unmatched.add(frame);
            } else {
                events.add(frame);
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode.complete(statusCode);
            failPending(new IllegalStateException("closed with " + statusCode + " before the reply"));
            return null;
        }

        private void failPending(Throwable error) {
            pending.values().forEach(f -> f.completeExceptionally(error));
            pending.clear();
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCode.complete(1006);
            failPending(error);
        }
    }
}
