package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.Request;
import dev.parley.server.testing.TestServers;
import dev.parley.server.testing.WireClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShutdownTest {
    @TempDir
    Path dataDir;

    @Test
    void gracefulStopAcksWhatItCommittedThenClosesWith1001() {
        ParleyServer server = TestServers.start(dataDir);
        WireClient alice = WireClient.registered(server.uri(), "alice");
        try (WireClient bob = WireClient.registered(server.uri(), "bob")) {
            WireClient.befriend(alice, bob);
        }
        long conversation = alice.ok(new Request.ConversationOpen("bob")).get("id").asLong();
        List<UUID> clientIds = IntStream.range(0, 500).mapToObj(i -> UUID.randomUUID()).toList();

        List<CompletableFuture<JsonNode>> replies = clientIds.stream()
                .map(id -> alice.request(new Request.MessageSend(conversation, id, "in flight")))
                .toList();
        replies.get(0).join();
        server.stop();

        assertThat(alice.closeCode()).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(1001);
        List<Long> ackedSeqs = replies.stream()
                .filter(f -> !f.isCompletedExceptionally())
                .map(f -> f.join().get("body").get("message").get("seq").asLong())
                .toList();
        assertThat(ackedSeqs).isNotEmpty();

        try (ParleyServer restarted = TestServers.start(dataDir);
                WireClient again = alice.resume(restarted.uri())) {
            JsonNode stored = again.ok(new Request.Sync(Map.of()));
            assertThat(stored.get("messages")).as("every committed message was acked before the close")
                    .extracting(m -> m.get("seq").asLong()).containsExactlyElementsOf(ackedSeqs);
            clientIds.stream()
                    .map(id -> again.request(new Request.MessageSend(conversation, id, "resend")))
                    .toList().forEach(CompletableFuture::join);
            JsonNode afterResend = again.ok(new Request.Sync(Map.of()));
            assertThat(afterResend.get("messages")).as("each message once").hasSize(500);
        }
    }
}
