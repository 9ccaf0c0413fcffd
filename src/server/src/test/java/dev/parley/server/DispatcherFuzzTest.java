package dev.parley.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.server.net.ClientConnection;
import dev.parley.server.net.RecordingConnections;
import dev.parley.server.net.WsTransport;
import dev.parley.server.testing.TestServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.CloseFrame;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the server's request path with any frame a signed-in session may send. Frames go through the real
 * transport, gateway, router and services, with a real SQLite store, but no socket: each input is handed to the
 * transport as if its WebSocket had received it. An input whose first byte is {@value #BINARY} is a binary frame
 * of the remaining bytes (an upload chunk); anything else is a text frame. Every frame must get exactly one
 * reply, never {@code internal}, or one of the documented closes, and the server must serve the next request.
 */
class DispatcherFuzzTest {
    private static final byte BINARY = 0x01;
    /** Long enough for a loaded machine; a frame not answered by then is a hang. */
    private static final Duration REPLY_WITHIN = Duration.ofSeconds(30);
    private static final Set<Integer> DOCUMENTED_CLOSES = Set.of(CloseFrame.TOOBIG, CloseFrame.REFUSE,
            CloseFrame.POLICY_VALIDATION, ClientConnection.CLOSE_SESSION_ENDED);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;
    private static ParleyServer server;
    private static Session session;
    private static int accounts;
    private static long probes;

    @BeforeAll
    static void startServer() {
        server = TestServers.start(dataDir);
        // Bob exists so that seeds can open a conversation with him, follow or block him.
        Session bob = new Session();
        bob.register("bob");
        bob.close();
        session = signedIn();
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @FuzzTest(maxDuration = "75m", maxExecutions = 1_000_000)
    void anyFrameFromASignedInSessionGetsOneReplyOrADocumentedClose(byte[] input) {
        JsonNode reply = input.length > 0 && input[0] == BINARY
                ? session.sendBinary(Arrays.copyOfRange(input, 1, input.length))
                : session.send(new String(input, UTF_8));

        if (reply == null) {
            assertThat(session.closeCodes).isNotEmpty().allMatch(DOCUMENTED_CLOSES::contains);
        } else {
            assertThat(reply.path("code").asText()).as("reply %s", reply).isNotEqualTo("internal");
        }
        assertServerStillServes();
    }

    /** A plain request gets its own reply: the one before had exactly one, and nothing is stuck. */
    private static void assertServerStillServes() {
        JsonNode reply = probe();
        if (reply == null || "unauthorized".equals(reply.path("code").asText())) {
            // The fuzzed frame signed the session out, ended it or closed the connection: sign in afresh.
            session.close();
            session = signedIn();
            reply = probe();
        }
        assertThat(reply).as("reply to a plain request after the fuzzed frame").isNotNull();
        assertThat(reply.path("type").asText()).as("reply %s", reply).isEqualTo("ok");
    }

    private static JsonNode probe() {
        String id = "probe-" + ++probes;
        JsonNode reply = session.send("{\"v\":1,\"id\":\"" + id + "\",\"type\":\"privacy.get\"}");
        if (reply != null) {
            assertThat(reply.path("re").asText()).as("a second reply to the fuzzed frame: %s", reply).isEqualTo(id);
        }
        return reply;
    }

    private static Session signedIn() {
        Session fresh = new Session();
        JsonNode reply = fresh.register("fuzz" + ++accounts);
        assertThat(reply.path("type").asText()).as("registration %s", reply).isEqualTo("ok");
        return fresh;
    }

    /** One connection, opened on the real transport; the frames the server sends it are queued here. */
    private static final class Session {
        private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        private final List<Integer> closeCodes = new CopyOnWriteArrayList<>();
        private final WebSocket socket = RecordingConnections.socket("fuzz session", frames, closeCodes, true);
        private final WsTransport transport = server.transport();
        private boolean closed;

        Session() {
            transport.onOpen(socket, null);
        }

        JsonNode register(String handle) {
            return send("{\"v\":1,\"id\":\"r\",\"type\":\"auth.register\",\"body\":{\"handle\":\"" + handle
                    + "\",\"displayName\":\"Fuzz\",\"password\":\"correct horse battery\"}}");
        }

        /** The reply to a text frame, or null if the server closed the connection instead. */
        JsonNode send(String frame) {
            transport.onMessage(socket, frame);
            return awaitReply(Set.of("ok", "error"));
        }

        /** The server's answer to a binary frame (an upload chunk), or null if it closed the connection. */
        JsonNode sendBinary(byte[] frame) {
            transport.onMessage(socket, ByteBuffer.wrap(frame));
            return awaitReply(Set.of("evt.upload", "evt.upload.error"));
        }

        /** Events pushed meanwhile (messages, presence, …) are skipped. */
        private JsonNode awaitReply(Set<String> replyTypes) {
            long deadline = System.nanoTime() + REPLY_WITHIN.toNanos();
            while (System.nanoTime() < deadline) {
                String frame = poll();
                if (frame != null) {
                    JsonNode node = parse(frame);
                    if (replyTypes.contains(node.path("type").asText())) {
                        return node;
                    }
                } else if (!socket.isOpen()) {
                    close();
                    return null;
                }
            }
            return fail("no reply and no close within " + REPLY_WITHIN);
        }

        private String poll() {
            try {
                return frames.poll(10, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** As the transport's selector does when a connection goes. */
        Session close() {
            if (!closed) {
                closed = true;
                transport.onClose(socket, CloseFrame.NORMAL, "", false);
            }
            return this;
        }

        private static JsonNode parse(String frame) {
            try {
                return JSON.readTree(frame);
            } catch (IOException e) {
                throw new UncheckedIOException("the server sent a frame that is not JSON: " + frame, e);
            }
        }
    }
}
