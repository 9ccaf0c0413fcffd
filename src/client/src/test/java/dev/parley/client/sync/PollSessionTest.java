package dev.parley.client.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.client.store.StoredMessage;
import dev.parley.client.store.StoredPoll;
import dev.parley.client.testing.TwoSessionsTest;
import dev.parley.protocol.Request;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Polls through two real sessions and a real server: results converge on both devices. */
class PollSessionTest extends TwoSessionsTest {
    @Test
    void pollVotesConvergeOnBothDevices() throws Exception {
        alice.createPoll(new Request.PollCreate(conversationId, UUID.randomUUID(), "Pizza or sushi?",
                List.of("Pizza", "Sushi"), true, false)).get(10, TimeUnit.SECONDS);
        long seq = awaitPoll(bob).seq();

        bob.vote(conversationId, seq, List.of(1)).get(10, TimeUnit.SECONDS);
        alice.vote(conversationId, seq, List.of(0, 1)).get(10, TimeUnit.SECONDS);

        await().atMost(WAIT).until(() -> counts(alice).equals(List.of(1, 2)) && counts(bob).equals(List.of(1, 2)));
        assertThat(awaitPoll(alice).poll().chosenBy("alice")).containsExactly(0, 1);
        assertThat(awaitPoll(alice).poll().poll().options().get(1).handles()).containsExactly("bob", "alice");

        alice.closePoll(conversationId, seq).get(10, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> awaitPoll(bob).poll().poll().closed());
        assertThat(counts(bob)).containsExactly(1, 2);
        assertThat(bob.inbox().find(conversationId).orElseThrow().unreadProperty().get()).isZero();
    }

    @Test
    void inAnAnonymousPollEachDeviceKnowsOnlyItsOwnChoice() throws Exception {
        alice.createPoll(new Request.PollCreate(conversationId, UUID.randomUUID(), "Secret ballot",
                List.of("Yes", "No"), false, true)).get(10, TimeUnit.SECONDS);
        long seq = awaitPoll(bob).seq();

        bob.vote(conversationId, seq, List.of(1)).get(10, TimeUnit.SECONDS);

        await().atMost(WAIT).until(() -> counts(alice).equals(List.of(0, 1)));
        StoredPoll alices = awaitPoll(alice).poll();
        assertThat(alices.poll().options()).allSatisfy(option -> assertThat(option.handles()).isEmpty());
        assertThat(alices.chosenBy("alice")).isEmpty();
        assertThat(awaitPoll(bob).poll().chosenBy("bob")).isEqualTo(Set.of(1));
    }

    private static StoredMessage awaitPoll(ChatSession session) {
        await().atMost(WAIT).until(() -> poll(session) != null);
        return poll(session);
    }

    private static StoredMessage poll(ChatSession session) {
        return load(session).stream().filter(m -> m.poll() != null).findFirst().orElse(null);
    }

    private static List<Integer> counts(ChatSession session) {
        StoredMessage poll = poll(session);
        return poll == null ? List.of()
                : poll.poll().poll().options().stream().map(option -> option.votes()).toList();
    }

    private static List<StoredMessage> load(ChatSession session) {
        try {
            return session.loadMessages(session.inbox().conversations().get(0).id(), null, 50)
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            return List.of();
        }
    }

}
