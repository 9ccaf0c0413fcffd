package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.Offer;
import dev.parley.protocol.Proposal;
import dev.parley.protocol.ProposalStatus;
import dev.parley.protocol.Request;
import dev.parley.server.testing.MutableClock;
import dev.parley.server.testing.TestServers;
import dev.parley.server.testing.TwoFriendsTest;
import dev.parley.server.testing.WireClient;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Offers and collaboration proposals between two friends: what the server checks when they are sent, and that a
 * proposal's status changes only as its recipient or sender may, once, reaching both people's devices as events.
 */
class OffersAndProposalsTest extends TwoFriendsTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T09:00:00Z"));

    @Override
    protected ServerConfig config() {
        return TestServers.config(dataDir).clock(clock).build();
    }

    Offer offer(Duration endsIn) {
        return new Offer("20% off mugs", "Any mug in the shop, this week only.", "MUG-20", clock.instant().plus(endsIn));
    }

    static Proposal proposal() {
        return new Proposal("A joint video on glazing", "Studio and kiln", "Editing and your audience",
                "Reach", "A new topic", "Two weeks", "One 10-minute video");
    }

    JsonNode sendProposal(WireClient from) {
        return from.ok(Request.MessageSend.proposal(conversation, UUID.randomUUID(), proposal(), null))
                .get("message");
    }

    static String code(JsonNode reply) {
        return reply.path("code").asText("ok");
    }

    @Test
    void anOfferReachesTheOtherPersonWithItsCodeAndEnd() throws Exception {
        JsonNode sent = alice.ok(Request.MessageSend.offer(conversation, UUID.randomUUID(), offer(Duration.ofHours(2)),
                "For you")).get("message");
        JsonNode toBob = bob.awaitEvent(e -> e.at("/body/message/offer").isObject());

        assertThat(sent.at("/offer/title").asText()).isEqualTo("20% off mugs");
        assertThat(sent.at("/offer/code").asText()).isEqualTo("MUG-20");
        assertThat(Instant.parse(sent.at("/offer/expiresAt").asText())).isEqualTo(clock.instant().plusSeconds(7200));
        assertThat(sent.get("kind").asText()).isEqualTo("text");
        assertThat(sent.get("text").asText()).isEqualTo("For you");
        assertThat(toBob.at("/body/message")).isEqualTo(sent);
        JsonNode history = bob.ok(new Request.MessageHistory(conversation, null, null)).get("messages");
        assertThat(history.get(history.size() - 1).get("offer")).isEqualTo(sent.get("offer"));
    }

    @Test
    void anOfferThatAlreadyEndedOrEndsTooFarAheadIsRefused() {
        assertThat(code(alice.error(Request.MessageSend.offer(conversation, UUID.randomUUID(),
                offer(Duration.ofMinutes(-1)), null)))).isEqualTo("bad_request");
        assertThat(code(alice.error(Request.MessageSend.offer(conversation, UUID.randomUUID(),
                offer(Duration.ZERO), null)))).isEqualTo("bad_request");
        assertThat(code(alice.error(Request.MessageSend.offer(conversation, UUID.randomUUID(),
                offer(Duration.ofDays(91)), null)))).isEqualTo("bad_request");
        assertThat(bob.ok(new Request.MessageHistory(conversation, null, null)).get("messages")).isEmpty();
    }

    @Test
    void malformedOffersAndProposalsGetTypedErrors() {
        String end = clock.instant().plusSeconds(3600).toString();
        String body = "{\"conversationId\":" + conversation + ",\"clientId\":\"" + UUID.randomUUID() + "\",";
        assertThat(code(alice.rawRequest("msg.send", body + "\"offer\":{\"title\":\" \",\"expiresAt\":\"" + end
                + "\"}}"))).isEqualTo("bad_request");
        assertThat(code(alice.rawRequest("msg.send", body + "\"offer\":{\"title\":\"" + "x".repeat(81)
                + "\",\"expiresAt\":\"" + end + "\"}}"))).isEqualTo("too_large");
        assertThat(code(alice.rawRequest("msg.send", body + "\"offer\":{\"title\":\"Sale\",\"code\":\"NO SPACES\","
                + "\"expiresAt\":\"" + end + "\"}}"))).isEqualTo("bad_request");
        assertThat(code(alice.rawRequest("msg.send", body + "\"offer\":{\"title\":\"Sale\",\"code\":\""
                + "A".repeat(33) + "\",\"expiresAt\":\"" + end + "\"}}"))).isEqualTo("bad_request");
        assertThat(code(alice.rawRequest("msg.send", body + "\"offer\":{\"title\":\"Sale\"}}")))
                .isEqualTo("bad_request");
        assertThat(code(alice.rawRequest("msg.send", body + "\"offer\":{\"title\":\"Sale\",\"expiresAt\":\"" + end
                + "\"},\"proposal\":{\"idea\":\"Both\"}}"))).isEqualTo("bad_request");
        assertThat(code(alice.rawRequest("msg.send", body + "\"proposal\":{\"idea\":\"\"}}")))
                .isEqualTo("bad_request");
        assertThat(code(alice.rawRequest("msg.send", body + "\"proposal\":{\"idea\":\"Video\",\"timeline\":\""
                + "t".repeat(501) + "\"}}"))).isEqualTo("too_large");
        assertThat(code(alice.rawRequest("proposal.respond", "{\"conversationId\":" + conversation
                + ",\"seq\":1,\"status\":\"pending\"}"))).isEqualTo("bad_request");
        assertThat(code(alice.rawRequest("proposal.respond", "{\"conversationId\":" + conversation
                + ",\"seq\":1,\"status\":\"maybe\"}"))).isEqualTo("bad_request");
        assertThat(bob.ok(new Request.MessageHistory(conversation, null, null)).get("messages")).isEmpty();
    }

    @Test
    void theRecipientAcceptsAndEveryDeviceOfBothPeopleHearsOfIt() throws Exception {
        WireClient alicesLaptop = track(alice.resume(server.uri()));
        long seq = sendProposal(alice).get("seq").asLong();
        alice.drainEvents();
        alicesLaptop.awaitEvent(e -> e.at("/body/message/proposal").isObject());

        JsonNode event = bob.ok(new Request.ProposalRespond(conversation, seq, ProposalStatus.ACCEPTED))
                .get("message");

        assertThat(event.get("kind").asText()).isEqualTo("proposal_update");
        assertThat(event.get("target").asLong()).isEqualTo(seq);
        assertThat(event.get("sender").asText()).isEqualTo("bob");
        assertThat(event.at("/proposal/status").asText()).isEqualTo("accepted");
        assertThat(Instant.parse(event.at("/proposal/statusAt").asText())).isEqualTo(clock.instant());
        for (WireClient device : new WireClient[] {alice, alicesLaptop}) {
            JsonNode pushed = device.awaitEvent(e -> e.at("/body/message/kind").asText().equals("proposal_update"));
            assertThat(pushed.at("/body/message")).isEqualTo(event);
        }
        JsonNode history = alice.ok(new Request.MessageHistory(conversation, null, null)).get("messages");
        assertThat(history.get(0).at("/proposal/status").asText()).isEqualTo("accepted");
        assertThat(history.get(0).at("/proposal/idea").asText()).isEqualTo("A joint video on glazing");
    }

    @Test
    void onlyTheRecipientMayAcceptOrDecline() {
        long seq = sendProposal(alice).get("seq").asLong();

        assertThat(code(alice.error(new Request.ProposalRespond(conversation, seq, ProposalStatus.ACCEPTED))))
                .isEqualTo("forbidden");
        assertThat(code(alice.error(new Request.ProposalRespond(conversation, seq, ProposalStatus.DECLINED))))
                .isEqualTo("forbidden");
        assertThat(code(bob.error(new Request.ProposalRespond(conversation, seq, ProposalStatus.WITHDRAWN))))
                .isEqualTo("forbidden");
        assertThat(status(bob, seq)).isEqualTo("pending");
    }

    @Test
    void aDeclinedProposalCannotBeAcceptedOrWithdrawnAfterwards() {
        long seq = sendProposal(alice).get("seq").asLong();
        bob.ok(new Request.ProposalRespond(conversation, seq, ProposalStatus.DECLINED));

        assertThat(code(bob.error(new Request.ProposalRespond(conversation, seq, ProposalStatus.ACCEPTED))))
                .isEqualTo("conflict");
        assertThat(code(alice.error(new Request.ProposalRespond(conversation, seq, ProposalStatus.WITHDRAWN))))
                .isEqualTo("conflict");
        JsonNode again = bob.ok(new Request.ProposalRespond(conversation, seq, ProposalStatus.DECLINED));
        assertThat(again.get("duplicate").asBoolean()).isTrue();
        assertThat(status(alice, seq)).isEqualTo("declined");
    }

    @Test
    void theSenderMayWithdrawWhilePendingAndThenNobodyCanAnswer() {
        long seq = sendProposal(alice).get("seq").asLong();

        JsonNode event = alice.ok(new Request.ProposalRespond(conversation, seq, ProposalStatus.WITHDRAWN))
                .get("message");

        assertThat(event.at("/proposal/status").asText()).isEqualTo("withdrawn");
        assertThat(code(bob.error(new Request.ProposalRespond(conversation, seq, ProposalStatus.ACCEPTED))))
                .isEqualTo("conflict");
    }

    @Test
    void someoneOutsideTheConversationCannotTouchAProposal() {
        long seq = sendProposal(alice).get("seq").asLong();
        WireClient carol = user("carol");

        assertThat(code(carol.error(new Request.ProposalRespond(conversation, seq, ProposalStatus.ACCEPTED))))
                .isEqualTo("not_found");
        assertThat(code(bob.error(new Request.ProposalRespond(conversation, seq + 5, ProposalStatus.ACCEPTED))))
                .isEqualTo("not_found");
        long text = bob.ok(new Request.MessageSend(conversation, UUID.randomUUID(), "hi")).at("/message/seq").asLong();
        assertThat(code(alice.error(new Request.ProposalRespond(conversation, text, ProposalStatus.WITHDRAWN))))
                .isEqualTo("not_found");
        assertThat(status(bob, seq)).isEqualTo("pending");
    }

    @Test
    void anUnsentProposalCanNoLongerBeAnswered() {
        long seq = sendProposal(alice).get("seq").asLong();
        alice.ok(new Request.MessageUnsend(conversation, seq));

        assertThat(code(bob.error(new Request.ProposalRespond(conversation, seq, ProposalStatus.ACCEPTED))))
                .isEqualTo("not_found");
        JsonNode history = bob.ok(new Request.MessageHistory(conversation, null, null)).get("messages");
        assertThat(history.get(0).has("proposal")).isFalse();
    }

    @Test
    void aDeviceThatWasAwayCatchesUpOnTheStatusThroughSync() {
        long seq = sendProposal(alice).get("seq").asLong();
        bob.ok(new Request.ProposalRespond(conversation, seq, ProposalStatus.ACCEPTED));

        JsonNode page = alice.ok(new Request.Sync(java.util.Map.of(conversation, seq)));

        JsonNode event = page.get("messages").get(0);
        assertThat(event.get("kind").asText()).isEqualTo("proposal_update");
        assertThat(event.at("/proposal/status").asText()).isEqualTo("accepted");
    }

    @Test
    void aScheduledOfferGoesOutWhileItRunsAndIsSkippedOnceItHasEnded() throws Exception {
        Request.MessageSend running = Request.MessageSend.offer(conversation, UUID.randomUUID(),
                offer(Duration.ofHours(3)), null);
        Request.MessageSend ending = Request.MessageSend.offer(conversation, UUID.randomUUID(),
                offer(Duration.ofHours(1)), null);
        alice.ok(new Request.ScheduleCreate(running, clock.instant().plus(Duration.ofHours(2)), false));
        alice.ok(new Request.ScheduleCreate(ending, clock.instant().plus(Duration.ofHours(2)), false));

        clock.advance(Duration.ofHours(2));

        JsonNode skipped = alice.awaitEvent(e -> e.get("type").asText().equals("evt.scheduled")
                && e.at("/body/scheduled/status").asText().equals("skipped")).at("/body/scheduled");
        assertThat(skipped.get("reason").asText()).isEqualTo("the offer must end in the future");
        JsonNode sent = bob.awaitEvent(e -> e.at("/body/message/offer").isObject()).at("/body/message");
        assertThat(sent.get("clientId").asText()).isEqualTo(running.clientId().toString());
    }

    /** The proposal's status as the person reads it in the history now. */
    String status(WireClient who, long seq) {
        for (JsonNode message : who.ok(new Request.MessageHistory(conversation, null, null)).get("messages")) {
            if (message.get("seq").asLong() == seq) {
                return message.at("/proposal/status").asText();
            }
        }
        throw new AssertionError("no message " + seq);
    }
}
