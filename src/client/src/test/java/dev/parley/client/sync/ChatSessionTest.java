package dev.parley.client.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.client.store.MessageStatus;
import dev.parley.client.store.StoredMessage;
import dev.parley.client.testing.Peer;
import dev.parley.client.testing.TestServer;
import dev.parley.protocol.UserProfile;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session below the UI: the outbox, refusals and catching up, with the model executor run inline. */
class ChatSessionTest {
    @TempDir
    Path tempDir;

    @Test
    void theFirstMessageOfANewConversationCountsOnceAsUnread() {
        try (TestServer server = new TestServer(tempDir.resolve("server"));
                Peer alice = Peer.register(server.uri(), "alice", "Alice");
                Peer bob = Peer.register(server.uri(), "bob", "Bob")) {
            Peer.befriend(alice, bob);
            try (ChatSession session = new ChatSession(server.uri(), alice.token(),
                    new UserProfile("alice", "Alice", Instant.EPOCH), tempDir.resolve("cache"), Runnable::run,
                    Clock.systemUTC())) {
                session.start();
                await().atMost(Duration.ofSeconds(20)).until(() -> session.stateProperty().get()
                        == dev.parley.client.net.ConnectionState.ONLINE);

                bob.send(bob.open("alice"), "hi, I found you through the market");
                await().atMost(Duration.ofSeconds(20)).until(() -> session.inbox().conversations().size() == 1
                        && "hi, I found you through the market".equals(
                                session.inbox().conversations().get(0).previewProperty().get()));

                assertThat(session.inbox().totalUnread()).isEqualTo(1);
            }
        }
    }

    @Test
    void aMessageTheServerRefusesIsMarkedFailedAndCanBeRetried() {
        try (TestServer server = new TestServer(tempDir.resolve("server"));
                Peer alice = Peer.register(server.uri(), "alice", "Alice")) {
            List<StoredMessage> seen = new CopyOnWriteArrayList<>();
            try (ChatSession session = new ChatSession(server.uri(), alice.token(),
                    new UserProfile("alice", "Alice", Instant.EPOCH), tempDir.resolve("cache"), Runnable::run,
                    Clock.systemUTC())) {
                session.addMessageListener(seen::add);
                session.start();
                await().atMost(Duration.ofSeconds(20)).until(() -> session.stateProperty().get()
                        == dev.parley.client.net.ConnectionState.ONLINE);

                session.send(987_654, "to a conversation that does not exist");
                await().atMost(Duration.ofSeconds(20)).until(() -> seen.stream()
                        .anyMatch(m -> m.status() == MessageStatus.FAILED));
                StoredMessage failed = seen.get(seen.size() - 1);
                session.retry(failed.clientId());
                await().atMost(Duration.ofSeconds(20)).until(() -> seen.stream()
                        .filter(m -> m.clientId().equals(failed.clientId())).count() >= 4);

                assertThat(seen).extracting(StoredMessage::status).containsExactly(MessageStatus.SENDING,
                        MessageStatus.FAILED, MessageStatus.SENDING, MessageStatus.FAILED);
            }
        }
    }
}
