package dev.parley.client.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.client.store.StoredMessage;
import dev.parley.client.testing.TwoSessionsTest;
import dev.parley.protocol.Reaction;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Reactions and replies through two real sessions and a real server. */
class ReactionsAndRepliesSessionTest extends TwoSessionsTest {
    @Test
    void reactionCountsConvergeOnBothDevices() throws Exception {
        alice.send(conversationId, "Ship it?").get(10, TimeUnit.SECONDS);
        long seq = awaitMessage(bob, "Ship it?").seq();

        alice.react(conversationId, seq, "🎉").get(10, TimeUnit.SECONDS);
        bob.react(conversationId, seq, "👍").get(10, TimeUnit.SECONDS);
        bob.react(conversationId, seq, "🎉").get(10, TimeUnit.SECONDS);

        List<Reaction> expected = List.of(new Reaction("🎉", List.of("alice", "bob")));
        await().atMost(WAIT).until(() -> reactions(alice, seq).equals(expected) && reactions(bob, seq).equals(expected));

        alice.react(conversationId, seq, null).get(10, TimeUnit.SECONDS);
        List<Reaction> onlyBob = List.of(new Reaction("🎉", List.of("bob")));
        await().atMost(WAIT).until(() -> reactions(alice, seq).equals(onlyBob) && reactions(bob, seq).equals(onlyBob));
        assertThat(bob.inbox().find(conversationId).orElseThrow().previewProperty().get()).isEqualTo("Ship it?");
    }

    @Test
    void aReplyArrivesNamingTheMessageItQuotes() throws Exception {
        alice.send(conversationId, "Which day?").get(10, TimeUnit.SECONDS);
        long question = awaitMessage(bob, "Which day?").seq();

        bob.send(conversationId, "Friday", question).get(10, TimeUnit.SECONDS);

        assertThat(awaitMessage(alice, "Friday").replyTo()).isEqualTo(question);
        assertThat(awaitMessage(bob, "Friday").replyTo()).as("the sender's own copy too").isEqualTo(question);
    }

    private static StoredMessage awaitMessage(ChatSession session, String text) {
        await().atMost(WAIT).until(() -> find(session, text) != null && find(session, text).seq() > 0);
        return find(session, text);
    }

    private static StoredMessage find(ChatSession session, String text) {
        return load(session).stream().filter(m -> m.text().equals(text)).findFirst().orElse(null);
    }

    private static List<StoredMessage> load(ChatSession session) {
        try {
            return session.loadMessages(session.inbox().conversations().get(0).id(), null, 50).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            return List.of();
        }
    }

    private static List<Reaction> reactions(ChatSession session, long seq) {
        return load(session).stream().filter(m -> m.seq() == seq).findFirst().map(StoredMessage::reactions)
                .orElse(List.of());
    }

}
