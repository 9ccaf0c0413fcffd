package dev.parley.client.testing;

import static org.awaitility.Awaitility.await;

import dev.parley.client.net.ConnectionState;
import dev.parley.client.store.StoredMessage;
import dev.parley.client.sync.ChatSession;
import dev.parley.protocol.UserProfile;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of session tests: a real server, Alice and Bob registered as friends with their conversation open, and a
 * started, online {@link ChatSession} for each (what each publishes collects in {@link #aliceSees} and
 * {@link #bobSees}).
 */
public abstract class TwoSessionsTest {
    protected static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    protected Path tempDir;
    protected TestServer server;
    protected Peer alicePeer;
    protected Peer bobPeer;
    protected long conversationId;
    protected ChatSession alice;
    protected ChatSession bob;
    protected final List<StoredMessage> aliceSees = new CopyOnWriteArrayList<>();
    protected final List<StoredMessage> bobSees = new CopyOnWriteArrayList<>();

    @BeforeEach
    void twoFriendsOnline() {
        server = new TestServer(tempDir.resolve("server"));
        alicePeer = Peer.register(server.uri(), "alice", "Alice");
        bobPeer = Peer.register(server.uri(), "bob", "Bob");
        Peer.befriend(alicePeer, bobPeer);
        conversationId = alicePeer.open("bob");
        alice = session(alicePeer, "Alice");
        bob = session(bobPeer, "Bob");
        alice.addMessageListener(aliceSees::add);
        bob.addMessageListener(bobSees::add);
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

    /** A session of this person with a cache folder of its own, not started. */
    protected ChatSession session(Peer peer, String name) {
        return new ChatSession(server.uri(), peer.token(), new UserProfile(peer.handle(), name, Instant.EPOCH),
                tempDir.resolve(peer.handle() + "-cache"), Runnable::run, Clock.systemUTC());
    }
}
