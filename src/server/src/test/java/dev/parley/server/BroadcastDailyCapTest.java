package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.BroadcastContent;
import dev.parley.protocol.Request;
import dev.parley.server.store.BroadcastStore;
import dev.parley.server.testing.MutableClock;
import dev.parley.server.testing.ServerTest;
import dev.parley.server.testing.TestServers;
import dev.parley.server.testing.WireClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A sender reaches at most the daily cap of recipients in any 24 hours, and a broadcast goes out a few a minute. */
class BroadcastDailyCapTest extends ServerTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));

    @Test
    void broadcastsRespectTheDailyCapAndGoOutThrottled() throws Exception {
        startServer(TestServers.config(dataDir).clock(clock).broadcastPace(new BroadcastStore.Pace(2, 1)).build());
        WireClient alice = user("alice");
        List<WireClient> friends = List.of(user("bob"), user("carol"), user("dave"));
        for (WireClient friend : friends) {
            WireClient.befriend(alice, friend);
        }
        long everyone = alice.ok(new Request.SegmentSave(null, "Friends", List.of(), true, null)).at("/segment/id")
                .asLong();

        JsonNode preview = alice.ok(new Request.BroadcastPreview(everyone, new BroadcastContent("Hi {first_name}")));
        assertThat(preview.get("recipients").asInt()).isEqualTo(2);
        assertThat(preview.at("/skipped/daily_cap").asInt()).isEqualTo(1);

        long id = alice.ok(new Request.BroadcastSend(UUID.randomUUID(), everyone, new BroadcastContent(
                "Hi {first_name}"))).at("/broadcast/id").asLong();
        assertThat(friends.get(0).awaitMessages(1).get(0).get("text").asText()).isEqualTo("Hi Bob");
        JsonNode halfway = alice.ok(new Request.BroadcastGet(id)).get("broadcast");
        assertThat(halfway.get("sent").asInt()).as("one a minute").isEqualTo(1);
        assertThat(halfway.get("queued").asInt()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(1));
        assertThat(friends.get(1).awaitMessages(1).get(0).get("text").asText()).isEqualTo("Hi Carol");
        JsonNode refused = alice.error(new Request.BroadcastSend(UUID.randomUUID(), everyone,
                new BroadcastContent("Again")));
        assertThat(refused.get("code").asText()).isEqualTo("rate_limited");
        assertThat(refused.get("retryAfterMs").asLong()).isEqualTo(Duration.ofHours(24).minusMinutes(1).toMillis());
        assertThat(alice.ok(new Request.BroadcastGet(id)).at("/recipients/2/reason").asText()).isEqualTo("daily_cap");

        clock.advance(Duration.ofHours(24));
        assertThat(alice.ok(new Request.BroadcastPreview(everyone, new BroadcastContent("Hi"))).get("recipients")
                .asInt()).as("a day later").isEqualTo(2);
    }
}
