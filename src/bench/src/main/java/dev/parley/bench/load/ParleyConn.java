package dev.parley.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A load-generator connection that speaks the Parley protocol (docs/PROTOCOL.md): requests matched to replies by
 * id, pushes handed over as raw text so a scenario can pick what it needs without parsing every frame.
 * An error reply fails the request's future with {@link RequestFailed}.
 */
public final class ParleyConn {
    public static final ObjectMapper JSON = new ObjectMapper();

    private final AtomicLong ids = new AtomicLong();
    private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private volatile Consumer<String> onPush = push -> { };
    private volatile BenchSocket socket;

    /** An {@code error} reply: its code and message. */
    public static final class RequestFailed extends RuntimeException {
        private final String code;

        RequestFailed(String code, String message) {
            super(code + ": " + message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private ParleyConn() {
    }

    /** Connects (anonymous until {@link #register}, {@link #login} or {@link #hello}). */
    public static CompletableFuture<ParleyConn> connect(HttpClient client, URI server) {
        ParleyConn conn = new ParleyConn();
        return BenchSocket.open(client, server, conn::received).thenApply(socket -> {
            conn.socket = socket;
            socket.closed().thenRun(() -> conn.pending.values()
                    .forEach(f -> f.completeExceptionally(new IllegalStateException("connection closed"))));
            return conn;
        });
    }

    /** Where pushes ({@code {"type":"evt.…"}}) go, as the text of the frame. */
    public ParleyConn onPush(Consumer<String> handler) {
        this.onPush = handler;
        return this;
    }

    /** Sends a request and completes with the reply's body. */
    public CompletableFuture<JsonNode> request(String type, ObjectNode body) {
        String id = Long.toString(ids.incrementAndGet());
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        ObjectNode envelope = JSON.createObjectNode().put("v", 1).put("id", id).put("type", type);
        envelope.set("body", body);
        socket.send(envelope.toString()).whenComplete((ok, failure) -> {
            if (failure != null) {
                pending.remove(id);
                reply.completeExceptionally(failure);
            }
        });
        return reply;
    }

    public static ObjectNode body() {
        return JSON.createObjectNode();
    }

    /** Registers an account (the reply's token is in {@code body.token}). */
    public CompletableFuture<JsonNode> register(String handle, String password) {
        return request("auth.register", body().put("handle", handle).put("displayName", handle)
                .put("password", password).put("device", "bench"));
    }

    public CompletableFuture<JsonNode> login(String handle, String password) {
        return request("auth.login", body().put("handle", handle).put("password", password).put("device", "bench"));
    }

    /** Resumes a session with its token. */
    public CompletableFuture<JsonNode> hello(String token) {
        return request("hello", body().put("protocol", 1).put("token", token));
    }

    /** Opens (or gets) the 1:1 conversation with {@code handle}; completes with its id. */
    public CompletableFuture<Long> openConversation(String handle) {
        return request("conv.open", body().put("handle", handle)).thenApply(b -> b.get("id").asLong());
    }

    /** Sends a text message with a fresh client id. */
    public CompletableFuture<JsonNode> send(long conversationId, String text) {
        return send(conversationId, UUID.randomUUID(), text);
    }

    /** Sends (or resends) a text message with the given client id. */
    public CompletableFuture<JsonNode> send(long conversationId, UUID clientId, String text) {
        return request("msg.send", body().put("conversationId", conversationId)
                .put("clientId", clientId.toString()).put("text", text));
    }

    public BenchSocket socket() {
        return socket;
    }

    private void received(String frame) {
        if (frame.startsWith("{\"type\":\"evt.")) {
            onPush.accept(frame);
            return;
        }
        JsonNode node;
        try {
            node = JSON.readTree(frame);
        } catch (IOException e) {
            throw new UncheckedIOException("server sent malformed JSON: " + frame, e);
        }
        JsonNode re = node.get("re");
        if (re == null) {
            onPush.accept(frame);
            return;
        }
        CompletableFuture<JsonNode> reply = pending.remove(re.asText());
        if (reply == null) {
            return;
        }
        if ("ok".equals(node.path("type").asText())) {
            reply.complete(node.path("body"));
        } else {
            reply.completeExceptionally(new RequestFailed(node.path("code").asText(),
                    node.path("message").asText()));
        }
    }
}
