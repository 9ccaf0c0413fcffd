package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.Request;
import dev.parley.server.testing.TwoFriendsTest;
import dev.parley.server.testing.WireClient;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Unsend (delete for everyone): the text is erased on the server and a tombstone reaches every device. */
class UnsendTest extends TwoFriendsTest {
    long send(WireClient from, String text) {
        return from.ok(new Request.MessageSend(conversation, UUID.randomUUID(), text)).get("message").get("seq")
                .asLong();
    }

    JsonNode history(WireClient who) {
        return who.ok(new Request.MessageHistory(conversation, null, null)).get("messages");
    }

    JsonNode summary(WireClient who) {
        return who.ok(new Request.ConversationList()).get("conversations").get(0);
    }

    @Test
    void unsendErasesTheTextAndPushesATombstoneToBothPeople() throws Exception {
        WireClient alicesLaptop = track(alice.resume(server.uri()));
        long secret = send(alice, "my home address is …");
        send(bob, "got it");
        bob.awaitMessages(2);

        JsonNode tombstone = alice.ok(new Request.MessageUnsend(conversation, secret)).get("message");
        JsonNode toBob = bob.awaitEvent(e -> e.at("/body/message/kind").asText().equals("unsend"));
        JsonNode toLaptop = alicesLaptop.awaitEvent(e -> e.at("/body/message/kind").asText().equals("unsend"));

        assertThat(tombstone.get("seq").asLong()).isEqualTo(3);
        assertThat(tombstone.get("target").asLong()).isEqualTo(secret);
        assertThat(toBob.at("/body/message")).isEqualTo(tombstone);
        assertThat(toLaptop.at("/body/message")).isEqualTo(tombstone);
        JsonNode stored = history(bob);
        assertThat(stored).hasSize(3);
        assertThat(stored.get(0).get("text").asText()).isEmpty();
        assertThat(stored.get(0).get("unsent").asBoolean()).isTrue();
        assertThat(stored.get(1).get("text").asText()).isEqualTo("got it");
        assertThat(stored.get(2).get("kind").asText()).isEqualTo("unsend");
    }

    @Test
    void unsendingTwiceGivesTheSameTombstone() {
        long seq = send(alice, "oops");

        JsonNode first = alice.ok(new Request.MessageUnsend(conversation, seq));
        JsonNode again = alice.ok(new Request.MessageUnsend(conversation, seq));

        assertThat(first.get("duplicate").asBoolean()).isFalse();
        assertThat(again.get("duplicate").asBoolean()).isTrue();
        assertThat(again.get("message")).isEqualTo(first.get("message"));
        assertThat(history(bob)).hasSize(2);
    }

    @Test
    void onlyTheSenderMayUnsendAndOthersLearnNothing() {
        long alices = send(alice, "mine");
        WireClient carol = user("carol");
        long tombstone = alice.ok(new Request.MessageUnsend(conversation, send(alice, "gone")))
                .get("message").get("seq").asLong();

        assertThat(bob.error(new Request.MessageUnsend(conversation, alices)).get("code").asText())
                .isEqualTo("forbidden");
        assertThat(carol.error(new Request.MessageUnsend(conversation, alices)).get("code").asText())
                .isEqualTo("not_found");
        assertThat(alice.error(new Request.MessageUnsend(conversation, 99L)).get("code").asText())
                .isEqualTo("not_found");
        assertThat(alice.error(new Request.MessageUnsend(conversation, tombstone)).get("code").asText())
                .as("a tombstone is not a message").isEqualTo("not_found");
        assertThat(alice.error(new Request.MessageUnsend(conversation + 100, alices)).get("code").asText())
                .isEqualTo("not_found");
        assertThat(history(bob).get(0).get("text").asText()).isEqualTo("mine");
    }

    @Test
    void aClientThatWasAwayCatchesUpOnTheTombstone() {
        long seq = send(alice, "sent while bob was away");
        alice.ok(new Request.MessageUnsend(conversation, seq));

        JsonNode page = bob.ok(new Request.Sync(Map.of(conversation, seq))).get("messages");

        assertThat(page).hasSize(1);
        assertThat(page.get(0).get("kind").asText()).isEqualTo("unsend");
        assertThat(page.get(0).get("target").asLong()).isEqualTo(seq);
    }

    @Test
    void unsentMessagesAndTombstonesAreNotUnreadAndThePreviewSaysUnsent() {
        send(alice, "first");
        long second = send(alice, "second");
        alice.ok(new Request.MessageUnsend(conversation, second));

        JsonNode bobs = summary(bob);

        assertThat(bobs.get("unread").asInt()).isEqualTo(1);
        assertThat(bobs.get("lastSeq").asLong()).isEqualTo(3);
        assertThat(bobs.at("/lastMessage/seq").asLong()).isEqualTo(second);
        assertThat(bobs.at("/lastMessage/unsent").asBoolean()).isTrue();
        assertThat(bobs.at("/lastMessage/text").asText()).isEmpty();
    }
}
