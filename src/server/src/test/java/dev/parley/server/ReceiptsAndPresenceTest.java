package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.PresenceVisibility;
import dev.parley.protocol.Request;
import dev.parley.server.ServerConfig;
import dev.parley.server.testing.MutableClock;
import dev.parley.server.testing.TestServers;
import dev.parley.server.testing.TwoFriendsTest;
import dev.parley.server.testing.WireClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Read receipts, online status and typing are shared only as both people's settings allow. */
class ReceiptsAndPresenceTest extends TwoFriendsTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T09:00:00Z"));
    @Override
    protected ServerConfig config() {
        return TestServers.config(dataDir).clock(clock).build();
    }

    long send(WireClient from, String text) {
        return from.ok(new Request.MessageSend(conversation, UUID.randomUUID(), text)).get("message").get("seq")
                .asLong();
    }

    JsonNode alicesView() {
        return alice.ok(new Request.ConversationList()).get("conversations").get(0);
    }

    /** Events that reached a client before its next reply (pushes and replies share one ordered socket). */
    static List<String> eventTypesSoFar(WireClient client) {
        client.ok(new Request.PrivacyGet());
        return client.drainEvents().stream().map(e -> e.get("type").asText()).toList();
    }

    static void receipts(WireClient who, boolean on) {
        who.ok(new Request.PrivacySet(null, on, null));
    }

    @Test
    void readReceiptsAreOffByDefaultAndSharedOnlyWhenBothTurnThemOn() throws Exception {
        long seq = send(alice, "did you see this?");
        bob.ok(new Request.MessageRead(conversation, seq));
        List<String> whileOff = eventTypesSoFar(alice);
        JsonNode viewWhileOff = alicesView();

        receipts(alice, true);
        bob.ok(new Request.MessageRead(conversation, seq));
        List<String> oneSided = eventTypesSoFar(alice);

        receipts(bob, true);
        long next = send(alice, "and this?");
        bob.ok(new Request.MessageRead(conversation, next));
        JsonNode seen = alice.awaitEvent(e -> e.get("type").asText().equals("evt.seen"));

        assertThat(bob.ok(new Request.PrivacyGet()).get("readReceipts").asBoolean()).isTrue();
        assertThat(whileOff).doesNotContain("evt.seen");
        assertThat(viewWhileOff.has("peerReadSeq")).isFalse();
        assertThat(oneSided).doesNotContain("evt.seen");
        assertThat(seen.get("body").get("readSeq").asLong()).isEqualTo(next);
        assertThat(alicesView().get("peerReadSeq").asLong()).isEqualTo(next);

        receipts(bob, false);
        assertThat(alicesView().has("peerReadSeq")).as("bob stopped sharing").isFalse();
    }

    @Test
    void typingReachesAFriendWhenBothSharePresence() throws Exception {
        alice.ok(new Request.Typing(conversation));
        JsonNode typing = bob.awaitEvent(e -> e.get("type").asText().equals("evt.typing"));
        alice.ok(new Request.Typing(conversation));
        List<String> repeatedAtOnce = eventTypesSoFar(bob);
        clock.advance(Duration.ofSeconds(2));
        alice.ok(new Request.Typing(conversation));
        bob.awaitEvent(e -> e.get("type").asText().equals("evt.typing"));

        bob.ok(new Request.PrivacySet(null, null, PresenceVisibility.NOBODY));
        clock.advance(Duration.ofSeconds(2));
        alice.ok(new Request.Typing(conversation));
        List<String> whileBobSharesNothing = eventTypesSoFar(bob);

        assertThat(typing.get("body").get("handle").asText()).isEqualTo("alice");
        assertThat(typing.get("body").get("conversationId").asLong()).isEqualTo(conversation);
        assertThat(repeatedAtOnce).as("a second within the same second is dropped").doesNotContain("evt.typing");
        assertThat(whileBobSharesNothing).as("reciprocal: bob sees nobody typing").doesNotContain("evt.typing");
    }

    @Test
    void friendsSeeEachOtherComeAndGo() throws Exception {
        WireClient carol = WireClient.registered(server.uri(), "carol");
        WireClient.befriend(bob, carol);
        JsonNode befriended = bob.awaitEvent(e -> e.get("type").asText().equals("evt.presence")
                && e.at("/body/online").asBoolean());
        JsonNode online = bob.ok(new Request.PresenceGet());

        carol.close();
        JsonNode left = bob.awaitEvent(e -> e.get("type").asText().equals("evt.presence")
                && !e.at("/body/online").asBoolean());
        WireClient back = track(carol.resume(server.uri()));
        JsonNode returned = bob.awaitEvent(e -> e.get("type").asText().equals("evt.presence")
                && e.at("/body/online").asBoolean());

        assertThat(befriended.get("body").get("handle").asText()).as("friends now, and carol is online")
                .isEqualTo("carol");
        assertThat(befriended.get("body").get("online").asBoolean()).isTrue();
        assertThat(online.get("online")).extracting(JsonNode::asText).containsExactly("alice", "carol");
        assertThat(left.get("body").get("handle").asText()).isEqualTo("carol");
        assertThat(left.get("body").get("online").asBoolean()).isFalse();
        assertThat(returned.get("body").get("online").asBoolean()).isTrue();
        assertThat(back.ok(new Request.PresenceGet()).get("online")).extracting(JsonNode::asText)
                .containsExactly("bob");
    }

    @Test
    void choosingNobodyHidesPresenceBothWaysAtOnce() throws Exception {
        alice.ok(new Request.PrivacySet(null, null, PresenceVisibility.NOBODY));
        JsonNode wentAway = bob.awaitEvent(e -> e.get("type").asText().equals("evt.presence"));

        assertThat(wentAway.get("body").get("handle").asText()).isEqualTo("alice");
        assertThat(wentAway.get("body").get("online").asBoolean()).isFalse();
        assertThat(bob.ok(new Request.PresenceGet()).get("online")).isEmpty();
        assertThat(alice.ok(new Request.PresenceGet()).get("online")).isEmpty();

        alice.ok(new Request.PrivacySet(null, null, PresenceVisibility.FRIENDS));
        JsonNode cameBack = bob.awaitEvent(e -> e.get("type").asText().equals("evt.presence"));
        assertThat(cameBack.get("body").get("online").asBoolean()).isTrue();
    }

    @Test
    void strangersSeeNoPresenceAndCannotSendTypingIntoOthersConversations() {
        WireClient stranger = user("mallory");

        assertThat(stranger.ok(new Request.PresenceGet()).get("online")).isEmpty();
        assertThat(stranger.error(new Request.Typing(conversation)).get("code").asText()).isEqualTo("not_found");
        assertThat(stranger.rawRequest("privacy.set", "{\"presence\":\"everyone\"}").get("code").asText())
                .isEqualTo("bad_request");
    }
}
