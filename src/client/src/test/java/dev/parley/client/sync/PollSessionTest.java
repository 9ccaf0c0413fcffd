package dev.parley.client.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.client.net.ConnectionState;
import dev.parley.client.store.StoredMessage;
import dev.parley.client.store.StoredPoll;
import dev.parley.client.testing.Peer;
import dev.parley.client.testing.TestServer;
import dev.parley.protocol.Request;
import dev.parley.protocol.UserProfile;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Polls through two real sessions and a real server: results converge on both devices. */
class PollSessionTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path tempDir;
    private TestServer server;
    private Peer alicePeer;
    private Peer bobPeer;
    private long conversationId;
    private ChatSession alice;
    private ChatSession bob;

    @BeforeEach
    void twoFriendsOnline() {
        server = new TestServer(tempDir.resolve("server"));
        alicePeer = Peer.register(server.uri(), "alice", "Alice");
        bobPeer = Peer.register(server.uri(), "bob", "Bob");
        Peer.befriend(alicePeer, bobPeer);
        conversationId = alicePeer.open("bob");
        alice = session(alicePeer, "Alice");
        bob = session(bobPeer, "Bob");
        alice.start();
        bob.start();
        await().atMost(WAIT).until(() -> alice.stateProperty().get() == ConnectionState.ONLINE
                && bob.stateProperty().get() == ConnectionState.ONLINE);
    }

    @AfterEach
    void closeAll() {
        bob.close();
        alice.close();
        bobPeer.close();
        alicePeer.close();
        server.close();
    }

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

    private ChatSession session(Peer peer, String name) {
        return new ChatSession(server.uri(), peer.token(), new UserProfile(peer.handle(), name, Instant.EPOCH),
                tempDir.resolve(peer.handle() + "-cache"), Runnable::run, Clock.systemUTC());
    }
}
