package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.Request;
import dev.parley.server.testing.TwoFriendsTest;
import dev.parley.server.testing.WireClient;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Reactions (one emoji per person per message, sequenced events) and replies that quote a message. */
class ReactionsAndRepliesTest extends TwoFriendsTest {
    long send(WireClient from, String text) {
        return from.ok(new Request.MessageSend(conversation, UUID.randomUUID(), text)).get("message").get("seq")
                .asLong();
    }

    JsonNode history(WireClient who) {
        return who.ok(new Request.MessageHistory(conversation, null, null)).get("messages");
    }

    JsonNode react(WireClient who, long seq, String emoji) {
        return who.ok(new Request.MessageReact(conversation, seq, emoji));
    }

    @Test
    void aReactionReachesBothPeopleAndShowsOnTheMessage() throws Exception {
        WireClient alicesLaptop = track(alice.resume(server.uri()));
        long question = send(alice, "Pizza tonight?");
        bob.awaitMessages(1);

        JsonNode event = react(bob, question, "👍🏽").get("message");
        JsonNode toAlice = alice.awaitEvent(e -> e.at("/body/message/kind").asText().equals("reaction"));
        JsonNode toLaptop = alicesLaptop.awaitEvent(e -> e.at("/body/message/kind").asText().equals("reaction"));

        assertThat(event.get("kind").asText()).isEqualTo("reaction");
        assertThat(event.get("target").asLong()).isEqualTo(question);
        assertThat(event.get("text").asText()).isEqualTo("👍🏽");
        assertThat(event.get("sender").asText()).isEqualTo("bob");
        assertThat(toAlice.at("/body/message")).isEqualTo(event);
        assertThat(toLaptop.at("/body/message")).isEqualTo(event);
        JsonNode reactions = history(alice).get(0).get("reactions");
        assertThat(reactions).hasSize(1);
        assertThat(reactions.get(0).get("emoji").asText()).isEqualTo("👍🏽");
        assertThat(reactions.get(0).get("handles").get(0).asText()).isEqualTo("bob");
    }

    @Test
    void reactionsAggregatePerEmojiAndANewOneReplacesTheOld() {
        long seq = send(alice, "We won!");
        react(alice, seq, "🎉");
        react(bob, seq, "❤️");
        react(bob, seq, "🎉");

        JsonNode reactions = history(alice).get(0).get("reactions");

        assertThat(reactions).hasSize(1);
        assertThat(reactions.get(0).get("emoji").asText()).isEqualTo("🎉");
        assertThat(List.of(reactions.get(0).get("handles").get(0).asText(),
                reactions.get(0).get("handles").get(1).asText())).containsExactly("alice", "bob");
    }

    @Test
    void reactingTheSameWayTwiceChangesNothingAndRemovingClearsIt() {
        long seq = send(alice, "ok");
        JsonNode first = react(bob, seq, "👍");
        JsonNode again = react(bob, seq, "👍");

        assertThat(first.get("duplicate").asBoolean()).isFalse();
        assertThat(again.get("duplicate").asBoolean()).isTrue();
        assertThat(again.get("message")).isEqualTo(first.get("message"));

        JsonNode removed = react(bob, seq, null).get("message");
        JsonNode removedAgain = react(bob, seq, null);

        assertThat(removed.get("text").asText()).isEmpty();
        assertThat(removedAgain.get("duplicate").asBoolean()).isTrue();
        JsonNode stored = history(alice);
        assertThat(stored).hasSize(3).as("the message, the reaction, its removal");
        assertThat(stored.get(0).has("reactions")).isFalse();
    }

    @Test
    void reactionsDoNotCountAsUnreadOrChangeThePreview() {
        long seq = send(alice, "the last words");
        react(bob, seq, "😂");

        JsonNode summary = alice.ok(new Request.ConversationList()).get("conversations").get(0);

        assertThat(summary.get("unread").asInt()).isZero();
        assertThat(summary.at("/lastMessage/text").asText()).isEqualTo("the last words");
    }

    @Test
    void badReactionsAreRefusedAndChangeNothing() {
        long seq = send(alice, "hello");
        long unsent = send(alice, "gone soon");
        alice.ok(new Request.MessageUnsend(conversation, unsent));
        WireClient carol = user("carol");

        for (String notOneEmoji : List.of("\"nice\"", "\"👍 👍\"", "\"\"", "42")) {
            JsonNode refused = bob.rawRequest("msg.react", "{\"conversationId\":" + conversation + ",\"seq\":" + seq
                    + ",\"emoji\":" + notOneEmoji + "}");
            assertThat(refused.get("code").asText()).as(notOneEmoji).isEqualTo("bad_request");
        }
        assertThat(bob.error(new Request.MessageReact(conversation, 99L, "👍")).get("code").asText())
                .isEqualTo("not_found");
        assertThat(bob.error(new Request.MessageReact(conversation, unsent, "👍")).get("code").asText())
                .as("an unsent message takes no reactions").isEqualTo("not_found");
        assertThat(carol.error(new Request.MessageReact(conversation, seq, "👍")).get("code").asText())
                .isEqualTo("not_found");
        assertThat(history(alice).get(0).has("reactions")).isFalse();
    }

    @Test
    void aReplyNamesTheMessageItQuotes() throws Exception {
        long question = send(alice, "Which day works?");

        JsonNode reply = bob.ok(new Request.MessageSend(conversation, UUID.randomUUID(), "Friday", null, question))
                .get("message");
        JsonNode pushed = alice.awaitEvent(e -> e.at("/body/message/text").asText().equals("Friday"));

        assertThat(reply.get("replyTo").asLong()).isEqualTo(question);
        assertThat(pushed.at("/body/message/replyTo").asLong()).isEqualTo(question);
        assertThat(history(alice).get(1).get("replyTo").asLong()).isEqualTo(question);
        assertThat(history(alice).get(0).has("replyTo")).isFalse();
    }

    @Test
    void aReplyToAMessageThatIsNotThereIsRefusedAndNothingIsStored() {
        long question = send(alice, "Which day works?");

        assertThat(bob.error(new Request.MessageSend(conversation, UUID.randomUUID(), "Friday", null, 42L))
                .get("code").asText()).isEqualTo("not_found");
        assertThat(bob.rawRequest("msg.send", "{\"conversationId\":" + conversation + ",\"clientId\":\""
                + UUID.randomUUID() + "\",\"text\":\"Friday\",\"replyTo\":-1}").get("code").asText())
                .isEqualTo("bad_request");
        assertThat(history(alice)).hasSize(1);
        assertThat(history(alice).get(0).get("seq").asLong()).isEqualTo(question);
    }
}
