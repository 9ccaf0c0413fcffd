package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.Limits;
import dev.parley.protocol.Request;
import dev.parley.server.testing.TwoFriendsTest;
import dev.parley.server.testing.WireClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A person who was away comes back to a long backlog: all of it arrives through sync, in order, once. */
class OfflineBacklogTest extends TwoFriendsTest {
    static final int MESSAGES = 10_000;
    static final int BURST = 100;

    @Test
    void tenThousandMessagesQueuedWhileOfflineArriveInOrderThroughSyncPages() {
        bob.close();
        for (int burst = 0; burst < MESSAGES / BURST; burst++) {
            int first = burst * BURST;
            IntStream.range(first, first + BURST)
                    .mapToObj(i -> alice.request(new Request.MessageSend(conversation, UUID.randomUUID(), "m" + i)))
                    .toList().forEach(reply -> assertThat(reply.join().get("type").asText()).isEqualTo("ok"));
        }

        List<JsonNode> received = new ArrayList<>();
        int pages = 0;
        try (WireClient bobAgain = track(bob.resume(server.uri()))) {
            long cursor = 0;
            for (boolean more = true; more; pages++) {
                JsonNode page = bobAgain.ok(new Request.Sync(Map.of(conversation, cursor)));
                page.get("messages").forEach(received::add);
                cursor = received.get(received.size() - 1).get("seq").asLong();
                more = page.get("more").asBoolean();
            }
        }

        assertThat(received).extracting(m -> m.get("text").asText())
                .containsExactlyElementsOf(IntStream.range(0, MESSAGES).mapToObj(i -> "m" + i).toList());
        assertThat(received).extracting(m -> m.get("seq").asLong())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, MESSAGES).mapToObj(i -> (long) i).toList());
        assertThat(pages).isGreaterThanOrEqualTo(MESSAGES / Limits.MAX_SYNC_PAGE);
    }
}
