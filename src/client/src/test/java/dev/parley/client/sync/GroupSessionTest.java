package dev.parley.client.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.client.model.ConversationItem;
import dev.parley.client.net.ConnectionState;
import dev.parley.client.store.StoredMessage;
import dev.parley.client.testing.Peer;
import dev.parley.client.testing.TestServer;
import dev.parley.protocol.GroupAction;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
import dev.parley.protocol.UserProfile;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A group in the session below the UI: cached, caught up from where the user joined, kept up to date by its lines. */
class GroupSessionTest {
    static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path tempDir;

    @Test
    void someoneAddedLaterSeesTheGroupFromTheirLineAndFollowsItsChanges() throws Exception {
        try (TestServer server = new TestServer(tempDir.resolve("server"));
                Peer alice = Peer.register(server.uri(), "alice", "Alice");
                Peer bob = Peer.register(server.uri(), "bob", "Bob");
                Peer carol = Peer.register(server.uri(), "carol", "Carol")) {
            Peer.befriend(bob, alice);
            Peer.befriend(bob, carol);
            long group = bob.call(new Request.GroupCreate(UUID.randomUUID(), "Market stall", null, List.of("carol")),
                    Reply.GroupMembership.class).conversation().id();
            carol.send(group, "said before alice came");
            bob.call(new Request.GroupAdd(group, List.of("alice")), Reply.GroupMembership.class);
            bob.send(group, "welcome alice");

            try (ChatSession session = new ChatSession(server.uri(), alice.token(),
                    new UserProfile("alice", "Alice", Instant.EPOCH), tempDir.resolve("cache"), Runnable::run,
                    Clock.systemUTC())) {
                session.start();
                await().atMost(WAIT).until(() -> session.stateProperty().get() == ConnectionState.ONLINE);
                ConversationItem item = session.inbox().find(group).orElseThrow();

                assertThat(item.group()).isTrue();
                assertThat(item.peerNameProperty().get()).isEqualTo("Market stall");
                assertThat(item.memberCountProperty().get()).isEqualTo(3);
                assertThat(item.previewProperty().get()).isEqualTo("welcome alice");
                List<StoredMessage> shown = session.loadMessages(group, null, 50).get();
                assertThat(shown).extracting(m -> m.change() == null ? m.text() : m.change().action().name())
                        .containsExactly("ADDED", "welcome alice");

                bob.call(new Request.GroupUpdate(group, "Market stall (Sat)", null), Reply.GroupChanged.class);
                await().atMost(WAIT).until(() -> "Market stall (Sat)".equals(item.peerNameProperty().get()));
                bob.call(new Request.GroupRemove(group, "alice"), Reply.GroupChanged.class);
                await().atMost(WAIT).until(() -> item.leftProperty().get());
                List<StoredMessage> after = session.loadMessages(group, null, 50).get();
                assertThat(after.get(after.size() - 1).change().action()).isEqualTo(GroupAction.REMOVED);
            }
        }
    }
}
