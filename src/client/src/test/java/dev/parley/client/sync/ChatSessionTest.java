package dev.parley.client.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.client.store.MessageStatus;
import dev.parley.client.store.StoredMessage;
import dev.parley.client.testing.Peer;
import dev.parley.client.testing.TestServer;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
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

    @Test
    void anUnreadMessageUnsentBySenderNoLongerCountsAndThePreviewSaysSo() {
        try (TestServer server = new TestServer(tempDir.resolve("server"));
                Peer alice = Peer.register(server.uri(), "alice", "Alice");
                Peer bob = Peer.register(server.uri(), "bob", "Bob")) {
            Peer.befriend(alice, bob);
            long conversation = bob.open("alice");
            try (ChatSession session = online(server, alice)) {
                long seq = bob.send(conversation, "wrong chat, ignore").seq();
                await().atMost(Duration.ofSeconds(20)).until(() -> session.inbox().totalUnread() == 1);

                bob.call(new Request.MessageUnsend(conversation, seq), Reply.Sent.class);

                await().atMost(Duration.ofSeconds(20)).until(() -> session.inbox().totalUnread() == 0
                        && session.inbox().conversations().get(0).lastUnsentProperty().get());
            }
        }
    }

    @Test
    void olderHistoryBehindAPageOfTombstonesStillLoads() {
        try (TestServer server = new TestServer(tempDir.resolve("server"));
                Peer alice = Peer.register(server.uri(), "alice", "Alice");
                Peer bob = Peer.register(server.uri(), "bob", "Bob")) {
            Peer.befriend(alice, bob);
            long conversation = bob.open("alice");
            bob.send(conversation, "the oldest one");
            long second = bob.send(conversation, "gone 1").seq();
            long third = bob.send(conversation, "gone 2").seq();
            bob.call(new Request.MessageUnsend(conversation, second), Reply.Sent.class);
            bob.call(new Request.MessageUnsend(conversation, third), Reply.Sent.class);
            // Enough newer messages that a fresh cache starts after the two tombstones (seqs 4 and 5).
            bob.sendMany(conversation, java.util.stream.IntStream.range(0, 100).mapToObj(i -> "later " + i).toList());
            try (ChatSession session = online(server, alice)) {
                List<StoredMessage> page = session.loadMessages(conversation, 6L, 2).join();

                assertThat(page).extracting(StoredMessage::seq).containsExactly(second, third);
                assertThat(page).allMatch(StoredMessage::unsent);
                assertThat(session.loadMessages(conversation, second, 2).join()).extracting(StoredMessage::text)
                        .containsExactly("the oldest one");
            }
        }
    }

    private ChatSession online(TestServer server, Peer who) {
        ChatSession session = new ChatSession(server.uri(), who.token(),
                new UserProfile(who.handle(), who.handle(), Instant.EPOCH), tempDir.resolve("cache-" + who.handle()),
                Runnable::run, Clock.systemUTC());
        session.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> session.stateProperty().get()
                == dev.parley.client.net.ConnectionState.ONLINE);
        return session;
    }
}
