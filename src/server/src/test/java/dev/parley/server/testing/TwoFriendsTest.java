package dev.parley.server.testing;

import dev.parley.protocol.Request;
import dev.parley.server.ServerConfig;
import org.junit.jupiter.api.BeforeEach;

/** Base of wire tests about a conversation between two friends, alice and bob, on a fresh server. */
public abstract class TwoFriendsTest extends ServerTest {
    protected WireClient alice;
    protected WireClient bob;
    protected long conversation;

    /** The server's configuration; tests that move time by hand give it their clock. */
    protected ServerConfig config() {
        return TestServers.config(dataDir).build();
    }

    @BeforeEach
    void startWithTwoFriends() {
        startServer(config());
        alice = user("alice");
        bob = user("bob");
        WireClient.befriend(alice, bob);
        conversation = alice.ok(new Request.ConversationOpen("bob")).get("id").asLong();
        // The setup's own pushes (each sees the other come online as they become friends) arrived before the
        // replies above; tests start from a quiet socket.
        bob.ok(new Request.PresenceGet());
        alice.drainEvents();
        bob.drainEvents();
    }
}
