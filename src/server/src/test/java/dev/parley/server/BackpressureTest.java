package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.Request;
import dev.parley.server.testing.StalledReader;
import dev.parley.server.testing.TestServers;
import dev.parley.server.testing.WireClient;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackpressureTest {
    static final int MESSAGES = 3_000;
    static final int BURST = 100;

    @TempDir
    Path dataDir;

    @Test
    void aReaderThatFallsTooFarBehindIsCutOffAndCatchesUpBySync() throws Exception {
        try (ParleyServer server = TestServers.start(TestServers.config(dataDir).maxBacklogFrames(512).build());
                WireClient alice = WireClient.registered(server.uri(), "alice");
                WireClient bob = WireClient.registered(server.uri(), "bob")) {
            WireClient.befriend(alice, bob);
            long conversation = alice.ok(new Request.ConversationOpen("bob")).get("id").asLong();
            String text = "x".repeat(4_000);

            long received;
            try (StalledReader stalledBob = new StalledReader(server.uri(), bob.token())) {
                // A healthy reader's burst (an ack and an echo per send) stays well under the limit.
                for (int batch = 0; batch < MESSAGES / BURST; batch++) {
                    IntStream.range(0, BURST)
                            .mapToObj(i -> alice.request(new Request.MessageSend(conversation, UUID.randomUUID(), text)))
                            .toList().forEach(CompletableFuture::join);
                }
                received = stalledBob.drainUntilClosed();
            }

            assertThat(received).as("the server hung up instead of holding the stalled reader open").isNotEqualTo(-1);
            assertThat(received).as("only part of the backlog was sent").isLessThan((long) MESSAGES * 4_000);
            try (WireClient bobAgain = bob.resume(server.uri())) {
                int synced = 0;
                long cursor = 0;
                for (boolean more = true; more; ) {
                    JsonNode page = bobAgain.ok(new Request.Sync(Map.of(conversation, cursor)));
                    synced += page.get("messages").size();
                    cursor = page.get("messages").get(page.get("messages").size() - 1).get("seq").asLong();
                    more = page.get("more").asBoolean();
                }
                assertThat(synced).isEqualTo(MESSAGES);
            }
        }
    }
}
