package dev.parley.server.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.protocol.Codec;
import dev.parley.protocol.Event;
import dev.parley.protocol.ServerFrame;
import dev.parley.server.net.RecordingConnections;
import dev.parley.server.net.SessionRegistry;
import dev.parley.server.testing.EmbeddedRedis;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ClientKillParams;

/** Two nodes' buses over one real Redis: each node's connections hear what either node publishes, once, in order. */
class RedisBusTest {
    private static final long ALICE = 1;
    private static final long BOB = 2;
    private static final long CAROL = 3;
    private static EmbeddedRedis redis;

    private final Codec codec = new Codec();
    private final SessionRegistry nodeA = new SessionRegistry();
    private final SessionRegistry nodeB = new SessionRegistry();
    private RedisBus busA;
    private RedisBus busB;

    @BeforeAll
    static void startRedis() {
        redis = EmbeddedRedis.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @BeforeEach
    void startBuses() throws InterruptedException {
        busA = new RedisBus(redis.uri(), "node-a", nodeA, codec, 4);
        busB = new RedisBus(redis.uri(), "node-b", nodeB, codec, 4);
        assertThat(busA.awaitSubscribed(Duration.ofSeconds(10))).isTrue();
        assertThat(busB.awaitSubscribed(Duration.ofSeconds(10))).isTrue();
    }

    @AfterEach
    void closeBuses() {
        busA.close();
        busB.close();
    }

    @Test
    void eventsPublishedOnOneNodeReachTheUsersSessionsOnEveryNodeOnceInOrder() {
        List<String> aliceOnA = RecordingConnections.signIn(nodeA, ALICE, 11);
        List<String> aliceOnB = RecordingConnections.signIn(nodeB, ALICE, 12);
        List<String> bobOnB = RecordingConnections.signIn(nodeB, BOB, 21);

        IntStream.rangeClosed(1, 500).forEach(i -> busA.publish(ALICE, new Event.TypingEvent(i, "bob")));

        await().atMost(Duration.ofSeconds(10)).until(() -> aliceOnA.size() >= 500 && aliceOnB.size() >= 500);
        List<Long> expected = IntStream.rangeClosed(1, 500).mapToObj(i -> (long) i).toList();
        assertThat(conversationIds(aliceOnA)).isEqualTo(expected);
        assertThat(conversationIds(aliceOnB)).isEqualTo(expected);
        assertThat(bobOnB).isEmpty();
    }

    @Test
    void bothNodesHearEachOther() {
        List<String> aliceOnA = RecordingConnections.signIn(nodeA, ALICE, 11);
        List<String> bobOnB = RecordingConnections.signIn(nodeB, BOB, 21);

        busA.publish(BOB, new Event.PresenceEvent("alice", true));
        busB.publish(ALICE, new Event.PresenceEvent("bob", true));

        await().atMost(Duration.ofSeconds(10)).until(() -> !aliceOnA.isEmpty() && !bobOnB.isEmpty());
        assertThat(decode(aliceOnA)).containsExactly(new Event.PresenceEvent("bob", true));
        assertThat(decode(bobOnB)).containsExactly(new Event.PresenceEvent("alice", true));
    }

    @Test
    void aGroupEventReachesEachMemberOnceWhereverTheyAre() {
        List<String> aliceOnA = RecordingConnections.signIn(nodeA, ALICE, 11);
        List<String> bobOnB = RecordingConnections.signIn(nodeB, BOB, 21);
        List<String> carolOnA = RecordingConnections.signIn(nodeA, CAROL, 31);
        List<String> carolOnB = RecordingConnections.signIn(nodeB, CAROL, 32);
        List<String> marker = RecordingConnections.signIn(nodeB, 99, 91);

        busB.publish(List.of(ALICE, BOB, CAROL), new Event.TypingEvent(7, "dave"));
        // The marker is published after the group event, so once it arrives the group event has been handled.
        busB.publish(99, new Event.TypingEvent(8, "dave"));

        await().atMost(Duration.ofSeconds(10)).until(() -> !marker.isEmpty());
        for (List<String> session : List.of(aliceOnA, bobOnB, carolOnA, carolOnB)) {
            assertThat(decode(session)).containsExactly(new Event.TypingEvent(7, "dave"));
        }
    }

    @Test
    void afterARedisOutageTheNodesCloseTheirConnectionsAndDeliverAgain() {
        AtomicInteger gapsA = new AtomicInteger();
        AtomicInteger gapsB = new AtomicInteger();
        busA.onGap(gapsA::incrementAndGet);
        busB.onGap(gapsB::incrementAndGet);
        List<String> aliceOnB = RecordingConnections.signIn(nodeB, ALICE, 12);

        redis.pause();
        busA.publish(ALICE, new Event.TypingEvent(1, "lost")); // logged, not thrown: the client resyncs later
        redis.resume();

        await().atMost(Duration.ofSeconds(20)).until(() -> gapsA.get() == 1 && gapsB.get() == 1);
        busA.publish(ALICE, new Event.TypingEvent(2, "back"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !aliceOnB.isEmpty());
        assertThat(decode(aliceOnB)).containsExactly(new Event.TypingEvent(2, "back"));
    }

    @Test
    void anEventThatCouldNotBePublishedMakesItsRecipientsResyncOnEveryNode() {
        List<Integer> aliceClosedOnB = new CopyOnWriteArrayList<>();
        List<Integer> bobClosedOnB = new CopyOnWriteArrayList<>();
        RecordingConnections.signIn(nodeB, ALICE, 12, aliceClosedOnB);
        List<String> bobOnB = RecordingConnections.signIn(nodeB, BOB, 21, bobClosedOnB);
        busA.publish(BOB, new Event.TypingEvent(1, "before"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !bobOnB.isEmpty());

        // Redis drops the connections that last published (node A's) while every subscription stays up.
        try (Jedis admin = new Jedis(redis.uri())) {
            for (String client : admin.clientList().split("\n")) {
                if (client.contains(" cmd=publish")) {
                    admin.clientKill(new ClientKillParams().id(client.replaceAll("^id=(\\d+) .*$", "$1")));
                }
            }
        }
        busA.publish(ALICE, new Event.TypingEvent(2, "lost"));

        await().atMost(Duration.ofSeconds(30)).until(() -> !aliceClosedOnB.isEmpty());
        assertThat(aliceClosedOnB).containsExactly(RedisBus.CLOSE_MISSED_EVENTS);
        assertThat(bobClosedOnB).isEmpty();
    }

    @Test
    void clientsSignedInBeforeANodesFirstSubscriptionAreAskedToResync() {
        SessionRegistry nodeC = new SessionRegistry();
        List<Integer> aliceClosedOnC = new CopyOnWriteArrayList<>();
        RecordingConnections.signIn(nodeC, ALICE, 13, aliceClosedOnC);

        try (RedisBus busC = new RedisBus(redis.uri(), "node-c", nodeC, codec, 2)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !aliceClosedOnC.isEmpty());
        }
        assertThat(aliceClosedOnC).containsExactly(RedisBus.CLOSE_MISSED_EVENTS);
    }

    private List<Event> decode(List<String> frames) {
        return frames.stream().map(frame -> ((ServerFrame.Pushed) codec.decodeServerFrame(frame)).event()).toList();
    }

    private List<Long> conversationIds(List<String> frames) {
        return decode(frames).stream().map(event -> ((Event.TypingEvent) event).conversationId()).toList();
    }
}
