package dev.parley.client.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.client.net.ConnectionState;
import dev.parley.client.store.StoredMessage;
import dev.parley.client.testing.Peer;
import dev.parley.client.testing.TestServer;
import dev.parley.protocol.Reaction;
import dev.parley.protocol.UserProfile;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reactions and replies through two real sessions and a real server. */
class ReactionsAndRepliesSessionTest {
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

    private ChatSession session(Peer peer, String name) {
        return new ChatSession(server.uri(), peer.token(), new UserProfile(peer.handle(), name, Instant.EPOCH),
                tempDir.resolve(peer.handle() + "-cache"), Runnable::run, Clock.systemUTC());
    }
}
