package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.Codec;
import dev.parley.protocol.Event;
import dev.parley.protocol.Request;
import dev.parley.protocol.ServerFrame;
import dev.parley.server.bus.RedisBus;
import dev.parley.server.bus.RedisPresence;
import dev.parley.server.net.RecordingConnections;
import dev.parley.server.net.SessionRegistry;
import dev.parley.server.store.sqlite.SqliteDatabase;
import dev.parley.server.testing.EmbeddedRedis;
import dev.parley.server.testing.TwoFriendsTest;
import dev.parley.server.testing.TestServers;
import dev.parley.server.testing.WireClient;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * A real server started with Redis delivers through it: its own clients get each event once, and the same
 * users' sessions on another node get it too. The other node here is its bus and session registry alone
 * (sessions signed in without a network), because a second full node needs a store both nodes share; the test
 * of two full nodes exchanging messages comes with the PostgreSQL store.
 */
class RedisDeliveryTest extends TwoFriendsTest {
    private static EmbeddedRedis redis;

    private final Codec codec = new Codec();
    private final SessionRegistry otherNode = new SessionRegistry();
    private RedisBus otherBus;
    private List<String> aliceElsewhere;
    private List<String> bobElsewhere;

    @BeforeAll
    static void startRedis() {
        redis = EmbeddedRedis.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @Override
    protected ServerConfig config() {
        return TestServers.config(dataDir).redis(redis.uri()).nodeId("node-a").build();
    }

    @BeforeEach
    void signInOnAnotherNode() throws Exception {
        otherBus = new RedisBus(redis.uri(), "node-b", otherNode, codec, 2);
        assertThat(otherBus.awaitSubscribed(Duration.ofSeconds(10))).isTrue();
        aliceElsewhere = RecordingConnections.signIn(otherNode, userId("alice"), 100);
        bobElsewhere = RecordingConnections.signIn(otherNode, userId("bob"), 200);
    }

    @AfterEach
    void closeOtherNode() {
        otherBus.close();
    }

    @Test
    void aMessageReachesItsRecipientOnceHereAndTheSameUsersSessionsOnOtherNodes() throws Exception {
        send(bob, "hi");
        send(bob, "there");
        send(bob, "marker");

        List<String> texts = alice.awaitMessages(3).stream().map(m -> m.get("text").asText()).toList();
        assertThat(texts).containsExactly("hi", "there", "marker");
        await().atMost(Duration.ofSeconds(10)).until(() -> aliceElsewhere.size() >= 3 && bobElsewhere.size() >= 3);
        assertThat(messageTexts(aliceElsewhere)).containsExactly("hi", "there", "marker");
        assertThat(messageTexts(bobElsewhere)).as("the sender's other devices").containsExactly("hi", "there",
                "marker");
        // Anything doubled on this node would have come in before the next message, sent after a round trip.
        send(bob, "last");
        assertThat(alice.awaitMessages(1).get(0).get("text").asText()).isEqualTo("last");
        assertThat(alice.drainEvents()).noneMatch(e -> e.get("type").asText().equals("evt.message"));
    }

    @Test
    void typingAndPresenceTravelTheSameWay() throws Exception {
        alice.ok(new Request.Typing(conversation));
        await().atMost(Duration.ofSeconds(10)).until(() -> !bobElsewhere.isEmpty());
        assertThat(decode(bobElsewhere)).containsExactly(new Event.TypingEvent(conversation, "alice"));

        alice.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> bobElsewhere.size() >= 2);
        assertThat(decode(bobElsewhere).get(1)).isEqualTo(new Event.PresenceEvent("alice", false));
    }

    @Test
    void someoneStillOnAnotherNodeIsNotAnnouncedOfflineWhenTheyLeaveThisOne() throws Exception {
        long aliceId = userId("alice");
        try (RedisPresence elsewhere = new RedisPresence(otherBus, otherNode);
                Jedis jedis = new Jedis(redis.uri())) {
            await().atMost(Duration.ofSeconds(10)).until(() -> jedis.sismember("parley:online:node-b",
                    Long.toString(aliceId)));

            alice.close();
            await().atMost(Duration.ofSeconds(10)).until(() -> !jedis.sismember("parley:online:node-a",
                    Long.toString(aliceId)));
            WireClient aliceAgain = track(alice.resume(server.uri()));
            // Announcements go out in order: had alice's leaving been announced, it would come before this.
            JsonNode back = bob.awaitEvent(e -> e.get("type").asText().equals("evt.presence"));
            assertThat(back.at("/body/handle").asText()).isEqualTo("alice");
            assertThat(back.at("/body/online").asBoolean()).isTrue();

            aliceAgain.close();
            await().atMost(Duration.ofSeconds(10)).until(() -> !jedis.sismember("parley:online:node-a",
                    Long.toString(aliceId)));
            assertThat(bob.ok(new Request.PresenceGet()).get("online")).extracting(JsonNode::asText)
                    .as("alice still has a session on node b").containsExactly("alice");
        }
        assertThat(bob.ok(new Request.PresenceGet()).get("online")).extracting(JsonNode::asText)
                .as("node b is gone").isEmpty();
    }

    @Test
    void signingInAgainAndAgainLeavesRedisConnectionsForDelivery() throws Exception {
        // Each sign-in adds the user to this node's presence set in Redis, on a connection from the same pool the
        // events are published through: every one of them must go back to the pool.
        int signIns = 3 * (config().workerThreads() + 2);
        try (Jedis jedis = new Jedis(redis.uri())) {
            String aliceId = Long.toString(userId("alice"));
            for (int i = 0; i < signIns; i++) {
                alice.close();
                await().atMost(Duration.ofSeconds(10)).until(() -> !jedis.sismember("parley:online:node-a", aliceId));
                alice = track(alice.resume(server.uri()));
                await().atMost(Duration.ofSeconds(10)).until(() -> jedis.sismember("parley:online:node-a", aliceId));
            }
        }

        send(bob, "still live");

        assertThat(alice.awaitMessages(1).get(0).get("text").asText()).isEqualTo("still live");
        await().atMost(Duration.ofSeconds(10)).until(() -> !messageTexts(aliceElsewhere).isEmpty());
        assertThat(messageTexts(aliceElsewhere)).containsExactly("still live");
    }

    @Test
    void afterARedisOutageClientsAreToldToReconnectAndCatchUpFromTheStore() throws Exception {
        redis.pause();
        JsonNode sent = send(bob, "while Redis was away");
        redis.resume();

        assertThat(alice.closeCode().get(30, TimeUnit.SECONDS)).isEqualTo(1012);
        try (WireClient again = alice.resume(server.uri())) {
            JsonNode synced = again.ok(new Request.Sync(Map.of()));
            assertThat(synced.get("messages")).extracting(m -> m.get("seq").asLong())
                    .contains(sent.get("seq").asLong());
        }
    }

    private JsonNode send(WireClient client, String text) {
        return client.ok(new Request.MessageSend(conversation, UUID.randomUUID(), text)).get("message");
    }

    private List<Event> decode(List<String> frames) {
        return frames.stream().map(frame -> ((ServerFrame.Pushed) codec.decodeServerFrame(frame)).event()).toList();
    }

    private List<String> messageTexts(List<String> frames) {
        return decode(frames).stream().filter(Event.MessageEvent.class::isInstance)
                .map(e -> ((Event.MessageEvent) e).message().text()).toList();
    }

    /** The user's id, which the wire never shows, read from the node's database. */
    private long userId(String handle) throws SQLException {
        String url = "jdbc:sqlite:" + dataDir.resolve(SqliteDatabase.FILE_NAME).toAbsolutePath();
        try (var connection = DriverManager.getConnection(url);
                var query = connection.prepareStatement("SELECT id FROM users WHERE handle = ?")) {
            query.setString(1, handle);
            try (var rows = query.executeQuery()) {
                assertThat(rows.next()).as("user @%s exists", handle).isTrue();
                return rows.getLong(1);
            }
        }
    }
}
