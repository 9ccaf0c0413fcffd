package dev.parley.client.testing;

import dev.parley.client.net.ConnectionState;
import dev.parley.client.store.StoredMessage;
import dev.parley.client.sync.ChatSession;
import dev.parley.protocol.UserProfile;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;

/**
 * Alice in the app, Bob, her friend, signed in elsewhere with his own session (what he receives collects in
 * {@link #bobSees}); their chat open on Alice's screen after Bob's first message.
 */
public abstract class AliceAndBobTest extends AppTest {
    protected final ChatScreen screen = new ChatScreen(this);
    protected final List<StoredMessage> bobSees = new CopyOnWriteArrayList<>();
    protected Peer alice;
    protected Peer bob;
    protected ChatSession bobSession;
    protected long conversation;

    @AfterEach
    void closePeople() {
        if (bobSession != null) {
            bobSession.close();
        }
        if (bob != null) {
            bob.close();
        }
        if (alice != null) {
            alice.close();
        }
    }

    protected void aliceChatsWithBob(String bobSays) throws Exception {
        startServer();
        alice = Peer.register(server.uri(), "alice", "Alice Liddell");
        bob = Peer.register(server.uri(), "bob", "Bob Marsh");
        Peer.befriend(alice, bob);
        conversation = bob.open("alice");
        bob.send(conversation, bobSays);
        bobSession = new ChatSession(server.uri(), bob.token(), new UserProfile("bob", "Bob Marsh", Instant.EPOCH),
                tempDir.resolve("bob-cache"), Runnable::run, Clock.systemUTC());
        bobSession.addMessageListener(bobSees::add);
        bobSession.start();
        org.awaitility.Awaitility.await().atMost(WAIT)
                .until(() -> bobSession.stateProperty().get() == ConnectionState.ONLINE);
        launch(sessionOf(alice, "Alice Liddell"));
        screen.open("Bob Marsh");
    }

    /** The photo viewer's root while one is open, else null. */
    protected Node viewer() {
        return Window.getWindows().stream().map(window -> window.getScene().getRoot())
                .filter(root -> root.getStyleClass().contains("photo-viewer")).findFirst().orElse(null);
    }
}
