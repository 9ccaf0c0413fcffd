package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.Request;
import dev.parley.server.testing.TwoFriendsTest;
import dev.parley.server.testing.WireClient;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Pinned messages: sequenced pin events, the pinned list in the summary, and who may pin. */
class PinnedMessagesTest extends TwoFriendsTest {
    long send(WireClient from, long conversationId, String text) {
        return from.ok(new Request.MessageSend(conversationId, UUID.randomUUID(), text)).get("message").get("seq")
                .asLong();
    }

    List<Long> pinned(WireClient who, long conversationId) {
        for (JsonNode summary : who.ok(new Request.ConversationList()).get("conversations")) {
            if (summary.get("id").asLong() == conversationId) {
                List<Long> seqs = new java.util.ArrayList<>();
                summary.path("pinned").forEach(seq -> seqs.add(seq.asLong()));
                return seqs;
            }
        }
        throw new AssertionError("no conversation " + conversationId);
    }

    @Test
    void eitherPersonPinsAndBothSeeThePinAndTheList() throws Exception {
        long address = send(alice, conversation, "The studio is at 12 Rua Augusta");
        long time = send(bob, conversation, "Saturday 10:00");

        JsonNode event = bob.ok(new Request.MessagePin(conversation, address, true)).get("message");
        JsonNode toAlice = alice.awaitEvent(e -> e.at("/body/message/kind").asText().equals("pin"));
        alice.ok(new Request.MessagePin(conversation, time, true));

        assertThat(event.get("target").asLong()).isEqualTo(address);
        assertThat(event.get("text").asText()).isEqualTo("pin");
        assertThat(toAlice.at("/body/message")).isEqualTo(event);
        assertThat(pinned(alice, conversation)).containsExactly(address, time);
        assertThat(pinned(bob, conversation)).containsExactly(address, time);

        JsonNode unpinned = alice.ok(new Request.MessagePin(conversation, address, false)).get("message");
        assertThat(unpinned.get("text").asText()).isEqualTo("unpin");
        assertThat(pinned(bob, conversation)).containsExactly(time);
        JsonNode summary = bob.ok(new Request.ConversationList()).get("conversations").get(0);
        assertThat(summary.get("unread").asInt()).as("pins are not unread messages").isZero();
        assertThat(summary.at("/lastMessage/text").asText()).isEqualTo("Saturday 10:00");
    }

    @Test
    void pinningWhatIsPinnedChangesNothing() {
        long seq = send(alice, conversation, "keep this");
        JsonNode first = alice.ok(new Request.MessagePin(conversation, seq, true));
        JsonNode again = alice.ok(new Request.MessagePin(conversation, seq, true));
        JsonNode neverPinned = alice.ok(new Request.MessagePin(conversation, send(alice, conversation, "x"), false));

        assertThat(again.get("duplicate").asBoolean()).isTrue();
        assertThat(again.get("message")).isEqualTo(first.get("message"));
        assertThat(neverPinned.get("duplicate").asBoolean()).isTrue();
        assertThat(pinned(bob, conversation)).containsExactly(seq);
    }

    @Test
    void inAGroupOnlyOwnersAndAdminsPin() {
        JsonNode created = alice.ok(new Request.GroupCreate(UUID.randomUUID(), "Shoot", null, List.of("bob")));
        long group = created.at("/conversation/id").asLong();
        long rules = send(alice, group, "Be on time");

        assertThat(bob.error(new Request.MessagePin(group, rules, true)).get("code").asText()).isEqualTo("forbidden");
        assertThat(pinned(bob, group)).isEmpty();
        alice.ok(new Request.MessagePin(group, rules, true));
        assertThat(pinned(bob, group)).containsExactly(rules);
    }

    @Test
    void badPinsAreRefusedAndChangeNothing() {
        long seq = send(alice, conversation, "hello");
        WireClient carol = user("carol");

        assertThat(alice.error(new Request.MessagePin(conversation, 99L, true)).get("code").asText())
                .isEqualTo("not_found");
        assertThat(carol.error(new Request.MessagePin(conversation, seq, true)).get("code").asText())
                .isEqualTo("not_found");
        assertThat(alice.rawRequest("msg.pin", "{\"conversationId\":" + conversation + ",\"seq\":" + seq + "}")
                .get("code").asText()).isEqualTo("bad_request");
        for (int i = 0; i < dev.parley.protocol.Limits.MAX_PINNED; i++) {
            alice.ok(new Request.MessagePin(conversation, send(alice, conversation, "pin " + i), true));
        }
        assertThat(alice.error(new Request.MessagePin(conversation, seq, true)).get("code").asText())
                .isEqualTo("conflict");
        assertThat(pinned(alice, conversation)).hasSize(dev.parley.protocol.Limits.MAX_PINNED).doesNotContain(seq);
    }
}
