package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.DmPolicy;
import dev.parley.protocol.Request;
import dev.parley.server.testing.MutableClock;
import dev.parley.server.testing.TestServers;
import dev.parley.server.testing.TwoFriendsTest;
import dev.parley.server.testing.WireClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Scheduled messages and follow-ups on the wire: the server sends them at their time on its own clock (moved by
 * hand here), with every rule of msg.send applied then, and follow-ups give way to a reply.
 */
class ScheduledMessagesTest extends TwoFriendsTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T09:00:00Z"));

    @Override
    protected dev.parley.server.ServerConfig config() {
        return TestServers.config(dataDir).clock(clock).build();
    }

    JsonNode schedule(WireClient who, long conversationId, String text, Duration in, boolean followUp) {
        Request.MessageSend message = new Request.MessageSend(conversationId, UUID.randomUUID(), text);
        return who.ok(new Request.ScheduleCreate(message, clock.instant().plus(in), followUp)).get("scheduled");
    }

    static boolean scheduledEvent(JsonNode event, String status) {
        return event.get("type").asText().equals("evt.scheduled")
                && event.at("/body/scheduled/status").asText().equals(status);
    }

    List<String> texts(WireClient who, long conversationId) {
        List<String> texts = new java.util.ArrayList<>();
        who.ok(new Request.MessageHistory(conversationId, null, 100)).get("messages").forEach(m -> {
            if (m.get("kind").asText().equals("text")) {
                texts.add(m.get("text").asText());
            }
        });
        return texts;
    }

    @Test
    void scheduledMessageIsDeliveredAtItsTimeWhileTheSenderIsOffline() throws Exception {
        JsonNode scheduled = schedule(alice, conversation, "Happy birthday!", Duration.ofHours(10), false);
        assertThat(scheduled.get("status").asText()).isEqualTo("pending");
        assertThat(bob.drainEvents()).as("nothing reaches bob before its time").isEmpty();
        String token = alice.token();
        alice.close();

        clock.advance(Duration.ofHours(10));
        JsonNode delivered = bob.awaitMessages(1).get(0);

        assertThat(delivered.get("sender").asText()).isEqualTo("alice");
        assertThat(delivered.get("text").asText()).isEqualTo("Happy birthday!");
        assertThat(delivered.get("clientId").asText()).isEqualTo(scheduled.at("/message/clientId").asText());
        assertThat(delivered.get("sentAt").asText()).isEqualTo("2026-11-25T19:00:00Z");
        WireClient aliceAgain = track(WireClient.connect(server.uri()));
        aliceAgain.ok(new Request.Hello(1, token));
        assertThat(aliceAgain.ok(new Request.ScheduleList(conversation)).get("scheduled")).isEmpty();
        assertThat(texts(aliceAgain, conversation)).containsExactly("Happy birthday!");
    }

    @Test
    void resendingAScheduleWithTheSameClientIdSchedulesOnce() {
        Request.ScheduleCreate request = new Request.ScheduleCreate(
                new Request.MessageSend(conversation, UUID.randomUUID(), "See you Monday"),
                clock.instant().plus(Duration.ofDays(2)), false);
        JsonNode first = alice.ok(request).get("scheduled");
        JsonNode again = alice.ok(request).get("scheduled");

        assertThat(again).isEqualTo(first);
        assertThat(alice.ok(new Request.ScheduleList(null)).get("scheduled")).hasSize(1);
    }

    @Test
    void aMessageToSomeoneWhoBlockedTheSenderMeanwhileIsSkippedWithTheReason() throws Exception {
        schedule(alice, conversation, "Any news?", Duration.ofHours(1), false);
        bob.ok(new Request.UserBlock("alice"));
        alice.drainEvents();

        clock.advance(Duration.ofHours(1));
        JsonNode skipped = alice.awaitEvent(e -> scheduledEvent(e, "skipped")).at("/body/scheduled");

        assertThat(skipped.get("reason").asText()).isEqualTo("this person isn't accepting your messages");
        assertThat(skipped.has("seq")).isFalse();
        bob.ok(new Request.UserUnblock("alice"));
        assertThat(texts(bob, conversation)).doesNotContain("Any news?");
    }

    @Test
    void aReplyCancelsTheFollowUpAndItIsNeverSent() throws Exception {
        alice.ok(new Request.MessageSend(conversation, UUID.randomUUID(), "Would you like to collaborate?"));
        schedule(alice, conversation, "Just checking in on my last message", Duration.ofDays(3), true);
        alice.drainEvents();

        bob.ok(new Request.MessageSend(conversation, UUID.randomUUID(), "Yes, let's talk"));
        JsonNode cancelled = alice.awaitEvent(e -> scheduledEvent(e, "cancelled")).at("/body/scheduled");
        // An ordinary scheduled message due after the follow-up's time shows that time has passed for both.
        schedule(alice, conversation, "Later", Duration.ofDays(4), false);
        clock.advance(Duration.ofDays(4));
        alice.awaitEvent(e -> scheduledEvent(e, "sent"));

        assertThat(cancelled.get("reason").asText()).isEqualTo("they replied");
        assertThat(texts(bob, conversation))
                .containsExactly("Would you like to collaborate?", "Yes, let's talk", "Later");
    }

    @Test
    void aFollowUpWithoutReplyIsSentOnceAndNoSecondOneFollowsIt() throws Exception {
        schedule(alice, conversation, "Following up", Duration.ofDays(2), true);
        assertThat(alice.error(new Request.ScheduleCreate(
                new Request.MessageSend(conversation, UUID.randomUUID(), "Another"),
                clock.instant().plus(Duration.ofDays(3)), true)).get("code").asText())
                .as("one pending follow-up per chat").isEqualTo("conflict");

        clock.advance(Duration.ofDays(2));
        bob.awaitMessages(1);
        JsonNode chain = alice.error(new Request.ScheduleCreate(
                new Request.MessageSend(conversation, UUID.randomUUID(), "Following up again"),
                clock.instant().plus(Duration.ofDays(2)), true));
        bob.ok(new Request.MessageSend(conversation, UUID.randomUUID(), "Sorry, busy week"));

        assertThat(chain.get("code").asText()).as("no follow-up chains").isEqualTo("conflict");
        schedule(alice, conversation, "No worries, next week?", Duration.ofDays(2), true);
    }

    @Test
    void aFollowUpIsCancelledWhenTheOtherPersonStopsAcceptingMessages() throws Exception {
        schedule(alice, conversation, "Following up", Duration.ofDays(2), true);
        alice.drainEvents();

        bob.ok(new Request.PrivacySet(DmPolicy.NO_ONE, null, null));
        JsonNode cancelled = alice.awaitEvent(e -> scheduledEvent(e, "cancelled")).at("/body/scheduled");

        assertThat(cancelled.get("reason").asText()).isEqualTo("this person doesn't accept direct messages");
        assertThat(alice.ok(new Request.ScheduleList(conversation)).get("scheduled")).isEmpty();
    }

    @Test
    void theAuthorEditsSendsNowAndCancelsAndEveryDeviceHears() throws Exception {
        WireClient aliceLaptop = track(alice.resume(server.uri()));
        long edited = schedule(alice, conversation, "Draft", Duration.ofHours(5), false).get("id").asLong();
        long cancelled = schedule(alice, conversation, "Never mind", Duration.ofHours(6), false).get("id").asLong();

        JsonNode update = alice.ok(new Request.ScheduleUpdate(edited, "Final text",
                clock.instant().plus(Duration.ofHours(7)))).get("scheduled");
        aliceLaptop.awaitEvent(e -> e.at("/body/scheduled/message/text").asText().equals("Final text"));
        alice.ok(new Request.ScheduleCancel(cancelled));
        aliceLaptop.awaitEvent(e -> scheduledEvent(e, "cancelled"));
        JsonNode sent = alice.ok(new Request.ScheduleSendNow(edited)).get("message");

        assertThat(update.get("sendAt").asText()).isEqualTo("2026-11-25T16:00:00Z");
        assertThat(sent.get("text").asText()).isEqualTo("Final text");
        assertThat(bob.awaitMessages(1).get(0)).isEqualTo(sent);
        assertThat(alice.ok(new Request.ScheduleList(null)).get("scheduled")).isEmpty();
        assertThat(alice.error(new Request.ScheduleCancel(edited)).get("code").asText()).isEqualTo("conflict");
    }

    @Test
    void badSchedulesAreRefusedAndChangeNothing() {
        long bobsOwn = schedule(bob, conversation, "mine", Duration.ofHours(1), false).get("id").asLong();
        long group = alice.ok(new Request.GroupCreate(UUID.randomUUID(), "Crew", null, List.of("bob")))
                .at("/conversation/id").asLong();
        WireClient carol = user("carol");
        long carolAndBob = carol.ok(new Request.ConversationOpen("bob")).get("id").asLong();

        assertThat(code(alice, conversation, Duration.ofMinutes(-1), false)).isEqualTo("bad_request");
        assertThat(code(alice, conversation, Duration.ZERO, false)).isEqualTo("bad_request");
        assertThat(code(alice, conversation, Duration.ofDays(366), false)).isEqualTo("bad_request");
        assertThat(code(alice, group, Duration.ofDays(1), true)).as("follow-ups are 1:1").isEqualTo("bad_request");
        assertThat(code(alice, carolAndBob, Duration.ofDays(1), false)).isEqualTo("not_found");
        assertThat(alice.error(new Request.ScheduleCancel(bobsOwn)).get("code").asText()).isEqualTo("not_found");
        assertThat(alice.error(new Request.ScheduleUpdate(bobsOwn, "hijack", null)).get("code").asText())
                .isEqualTo("not_found");
        assertThat(alice.error(new Request.ScheduleSendNow(bobsOwn)).get("code").asText()).isEqualTo("not_found");
        assertThat(alice.rawRequest("schedule.create", "{\"message\":{\"conversationId\":" + conversation
                + ",\"clientId\":\"" + UUID.randomUUID() + "\",\"text\":\"hi\"}}").get("code").asText())
                .as("sendAt is required").isEqualTo("bad_request");
        assertThat(alice.rawRequest("schedule.update", "{\"id\":" + bobsOwn + "}").get("code").asText())
                .isEqualTo("bad_request");

        assertThat(alice.ok(new Request.ScheduleList(null)).get("scheduled")).isEmpty();
        assertThat(bob.ok(new Request.ScheduleList(null)).at("/scheduled/0/message/text").asText()).isEqualTo("mine");
    }

    private String code(WireClient who, long conversationId, Duration in, boolean followUp) {
        return who.error(new Request.ScheduleCreate(new Request.MessageSend(conversationId, UUID.randomUUID(), "x"),
                clock.instant().plus(in), followUp)).get("code").asText();
    }
}
