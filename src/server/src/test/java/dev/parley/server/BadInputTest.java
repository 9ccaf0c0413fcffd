package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.Request;
import dev.parley.protocol.UploadChunk;
import dev.parley.server.testing.MediaWire;
import dev.parley.server.testing.TestServers;
import dev.parley.server.testing.WireClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets a typed error, leaves the connection usable, and stores nothing. */
class BadInputTest {
    @TempDir
    Path dataDir;
    ParleyServer server;
    WireClient alice;
    WireClient bob;
    long conversation;

    @BeforeEach
    void startServer() {
        server = TestServers.start(dataDir);
        alice = WireClient.registered(server.uri(), "alice");
        bob = WireClient.registered(server.uri(), "bob");
        conversation = alice.ok(new Request.ConversationOpen("bob")).get("id").asLong();
    }

    @AfterEach
    void stopServer() {
        alice.close();
        bob.close();
        server.stop();
    }

    void assertNothingStoredAndStillUsable() {
        assertThat(alice.ok(new Request.MessageHistory(conversation, null, null)).get("messages")).isEmpty();
        assertThat(alice.isClosed()).isFalse();
    }

    static void assertNoStackTrace(JsonNode error) {
        assertThat(error.get("message").asText()).doesNotContain("Exception", "at dev.", "at com.", "\n");
    }

    @Test
    void malformedJsonIsABadRequestWithoutId() throws Exception {
        for (String frame : List.of("{not json", "[1,2,3]", "\"just a string\"", "{\"v\":1,\"id\":\"x\"} trailing",
                "{\"v\":1,\"id\":\"x\",\"id\":\"y\",\"type\":\"conv.list\"}")) {
            alice.sendRaw(frame);
            JsonNode error = alice.nextUnmatched();
            assertThat(error.get("type").asText()).as(frame).isEqualTo("error");
            assertThat(error.get("code").asText()).as(frame).isEqualTo("bad_request");
            assertNoStackTrace(error);
        }
        assertNothingStoredAndStillUsable();
    }

    @Test
    void unknownTypeIsABadRequest() {
        JsonNode error = alice.rawRequest("msg.explode", "{}");

        assertThat(error.get("code").asText()).isEqualTo("bad_request");
        assertThat(error.get("message").asText()).contains("unknown type");
        assertNothingStoredAndStillUsable();
    }

    @Test
    void missingWrongTypedAndUnknownFieldsAreBadRequests() {
        String clientId = UUID.randomUUID().toString();
        List<String> bodies = List.of(
                "{\"clientId\":\"" + clientId + "\",\"text\":\"no conversation\"}",
                "{\"conversationId\":" + conversation + ",\"text\":\"no client id\"}",
                "{\"conversationId\":\"" + conversation + "\",\"clientId\":\"" + clientId + "\",\"text\":\"string id\"}",
                "{\"conversationId\":" + conversation + ".5,\"clientId\":\"" + clientId + "\",\"text\":\"float id\"}",
                "{\"conversationId\":" + conversation + ",\"clientId\":\"not-a-uuid\",\"text\":\"bad uuid\"}",
                "{\"conversationId\":" + conversation + ",\"clientId\":\"" + clientId + "\",\"text\":42}",
                "{\"conversationId\":" + conversation + ",\"clientId\":\"" + clientId + "\",\"text\":\"x\",\"extra\":1}",
                "[]");
        for (String body : bodies) {
            JsonNode error = alice.rawRequest("msg.send", body);
            assertThat(error.path("code").asText()).as("%s -> %s", body, error).isEqualTo("bad_request");
            assertNoStackTrace(error);
        }
        assertNothingStoredAndStillUsable();
    }

    @Test
    void requestsBeforeSignInAreUnauthorized() {
        try (WireClient anonymous = WireClient.connect(server.uri())) {
            for (Request request : List.of(new Request.ConversationList(),
                    new Request.MessageSend(conversation, UUID.randomUUID(), "sneaky"),
                    new Request.UserGet("alice"), new Request.Logout())) {
                assertThat(anonymous.error(request).get("code").asText()).isEqualTo("unauthorized");
            }
            assertThat(anonymous.ok(new Request.Hello(1, null)).get("protocol").asInt()).isEqualTo(1);
        }
        assertNothingStoredAndStillUsable();
    }

    @Test
    void unknownHandleIsNotFound() {
        JsonNode error = alice.error(new Request.ConversationOpen("nobody"));

        assertThat(error.get("code").asText()).isEqualTo("not_found");
        assertThat(alice.ok(new Request.ConversationList()).get("conversations")).hasSize(1);
    }

    @Test
    void overlongHandlesInLookupsAreBadRequests() {
        String huge = "a".repeat(10_000);

        for (String type : List.of("user.get", "conv.open")) {
            JsonNode error = alice.rawRequest(type, "{\"handle\":\"" + huge + "\"}");
            assertThat(error.get("code").asText()).isEqualTo("bad_request");
            assertThat(error.get("message").asText()).hasSizeLessThan(100);
        }
    }

    @Test
    void textLimitCountsEmojiAsOneCharacter() {
        JsonNode reply = alice.ok(new Request.MessageSend(conversation, UUID.randomUUID(), "😀".repeat(4_096)));

        assertThat(reply.get("message").get("text").asText()).hasSize(8_192);
    }

    @Test
    void emptyAndTooLongTextIsRefused() {
        String clientId = UUID.randomUUID().toString();
        JsonNode blank = alice.rawRequest("msg.send",
                "{\"conversationId\":" + conversation + ",\"clientId\":\"" + clientId + "\",\"text\":\"  \\n \"}");
        JsonNode tooLong = alice.rawRequest("msg.send",
                "{\"conversationId\":" + conversation + ",\"clientId\":\"" + clientId + "\",\"text\":\""
                        + "x".repeat(4_097) + "\"}");
        JsonNode longest = alice.rawRequest("msg.send",
                "{\"conversationId\":" + conversation + ",\"clientId\":\"" + clientId + "\",\"text\":\""
                        + "x".repeat(4_096) + "\"}");

        assertThat(blank.get("code").asText()).isEqualTo("bad_request");
        assertThat(tooLong.get("code").asText()).isEqualTo("too_large");
        assertThat(longest.get("type").asText()).as("4,096 chars is allowed").isEqualTo("ok");
    }

    @Test
    void wrongProtocolVersionIsUnsupported() {
        String id = "version-check";
        var reply = alice.expect(id);
        alice.sendRaw("{\"v\":2,\"id\":\"" + id + "\",\"type\":\"conv.list\",\"body\":{}}");
        JsonNode envelope = reply.join();
        JsonNode hello = alice.rawRequest("hello", "{\"protocol\":7}");

        assertThat(envelope.get("code").asText()).isEqualTo("unsupported_version");
        assertThat(hello.get("code").asText()).isEqualTo("unsupported_version");
        assertNothingStoredAndStillUsable();
    }

    @Test
    void oversizedFrameClosesTheConnectionWith1009() {
        alice.sendRaw("{\"v\":1,\"id\":\"big\",\"type\":\"conv.list\",\"body\":{\"pad\":\"" + "x".repeat(70_000)
                + "\"}}");

        assertThat(alice.closeCode()).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(1009);
        assertThat(bob.ok(new Request.MessageHistory(conversation, null, null)).get("messages")).isEmpty();
    }

    @Test
    void oversizedTextFrameIsCountedInUtf8Bytes() {
        alice.sendRaw("{\"v\":1,\"id\":\"big\",\"type\":\"conv.list\",\"body\":{\"pad\":\"" + "é".repeat(33_000)
                + "\"}}");

        assertThat(alice.closeCode()).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(1009);
    }

    @Test
    void binaryFrameTooShortForAChunkHeaderIsRefusedWith1003() {
        alice.sendBinary(new byte[] {1, 2, 3});

        assertThat(alice.closeCode()).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(1003);
    }

    @Test
    void binaryFrameOverTheChunkLimitClosesWith1009() {
        // The server may close before the whole frame is written, so sending itself can fail.
        catchThrowable(() -> alice.sendBinary(new byte[UploadChunk.MAX_FRAME_BYTES + 1]));

        assertThat(alice.closeCode()).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(1009);
    }

    @Test
    void chunkBeforeSignInIsRefusedWithoutClosing() throws Exception {
        try (WireClient anonymous = WireClient.connect(server.uri())) {
            UUID uploadId = UUID.randomUUID();
            JsonNode refused = MediaWire.sendChunk(anonymous, uploadId, 0, new byte[100], 0, 100);

            assertThat(refused.at("/body/code").asText()).isEqualTo("unauthorized");
            assertThat(anonymous.isClosed()).isFalse();
        }
    }
}
