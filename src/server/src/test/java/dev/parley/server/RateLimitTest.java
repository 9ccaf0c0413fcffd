package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.Request;
import dev.parley.server.social.AccountLimits;
import dev.parley.server.social.AccountLimits.Rate;
import dev.parley.server.testing.MutableClock;
import dev.parley.server.testing.TestServers;
import dev.parley.server.testing.WireClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-account limits: a typed rate_limited with a wait, nothing stored, and service resumes after it. */
class RateLimitTest {
    @TempDir
    Path dataDir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T09:00:00Z"));
    ParleyServer server;
    final List<WireClient> clients = new ArrayList<>();

    @BeforeEach
    void start() {
        server = TestServers.start(TestServers.config(dataDir).clock(clock).accountRates(new AccountLimits.Rates(
                new Rate(5, Duration.ofSeconds(1)), new Rate(1, Duration.ofMinutes(3)),
                new Rate(2, Duration.ofSeconds(30)), new Rate(2, Duration.ofMinutes(6)),
                new Rate(2, Duration.ofSeconds(30)))).build());
    }

    @AfterEach
    void stop() {
        clients.forEach(WireClient::close);
        server.stop();
    }

    WireClient user(String handle) {
        WireClient client = WireClient.registered(server.uri(), handle);
        clients.add(client);
        return client;
    }

    @Test
    void aMessageFloodIsRateLimitedWithAWaitAndNothingStored() {
        WireClient alice = user("alice");
        WireClient bob = user("bob");
        WireClient.befriend(alice, bob);
        long conversation = alice.ok(new Request.ConversationOpen("bob")).get("id").asLong();

        List<JsonNode> replies = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            replies.add(alice.request(new Request.MessageSend(conversation, UUID.randomUUID(), "spam " + i)).join());
        }
        JsonNode limited = replies.get(5);
        clock.advance(Duration.ofMillis(limited.get("retryAfterMs").asLong()));
        JsonNode later = alice.request(new Request.MessageSend(conversation, UUID.randomUUID(), "calm")).join();

        assertThat(replies).extracting(r -> r.get("type").asText())
                .containsExactly("ok", "ok", "ok", "ok", "ok", "error", "error");
        assertThat(limited.get("code").asText()).isEqualTo("rate_limited");
        assertThat(limited.get("retryAfterMs").asLong()).isBetween(1L, 1_000L);
        assertThat(later.get("type").asText()).isEqualTo("ok");
        assertThat(bob.ok(new Request.MessageHistory(conversation, null, null)).get("messages")).hasSize(6);
    }

    @Test
    void startingConversationsWithStrangersIsLimitedButFriendsAndExistingOnesAreNot() {
        WireClient alice = user("alice");
        user("bob");
        user("carol");
        WireClient dave = user("dave");
        WireClient.befriend(alice, dave);

        JsonNode first = alice.request(new Request.ConversationOpen("bob")).join();
        JsonNode again = alice.request(new Request.ConversationOpen("bob")).join();
        JsonNode friend = alice.request(new Request.ConversationOpen("dave")).join();
        JsonNode second = alice.request(new Request.ConversationOpen("carol")).join();

        assertThat(first.get("type").asText()).isEqualTo("ok");
        assertThat(again.get("type").asText()).as("reopening is not starting").isEqualTo("ok");
        assertThat(friend.get("type").asText()).isEqualTo("ok");
        assertThat(second.get("code").asText()).isEqualTo("rate_limited");
        assertThat(second.get("retryAfterMs").asLong()).isPositive();
    }

    @Test
    void reportingIsLimitedSoReportsCannotFloodModerators() {
        WireClient alice = user("alice");
        user("bob");
        Request report = new Request.ReportCreate("bob", null, dev.parley.protocol.ReportReason.SPAM, null, false);

        List<JsonNode> replies = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            replies.add(alice.request(report).join());
        }
        clock.advance(Duration.ofMillis(replies.get(2).get("retryAfterMs").asLong()));

        assertThat(replies).extracting(r -> r.get("type").asText()).containsExactly("ok", "ok", "error");
        assertThat(replies.get(2).get("code").asText()).isEqualTo("rate_limited");
        assertThat(replies.get(2).get("retryAfterMs").asLong()).isBetween(1L, Duration.ofMinutes(6).toMillis());
        assertThat(alice.request(report).join().get("type").asText()).isEqualTo("ok");
    }

    @Test
    void followingIsLimited() {
        WireClient alice = user("alice");
        List<String> targets = List.of("bob", "carol", "dave");
        targets.forEach(this::user);

        List<String> types = targets.stream()
                .map(handle -> alice.request(new Request.UserFollow(handle)).join().get("type").asText()).toList();

        assertThat(types).containsExactly("ok", "ok", "error");
    }

    @Test
    void profileEditsAndPicturesShareOneLimit() {
        WireClient alice = user("alice");

        List<String> types = List.of(new Request.ProfileUpdate(null, "one", null),
                new Request.ProfileAvatar(null), new Request.ProfileUpdate(null, "three", null)).stream()
                .map(edit -> alice.request(edit).join().get("type").asText()).toList();

        assertThat(types).containsExactly("ok", "ok", "error");
    }
}
