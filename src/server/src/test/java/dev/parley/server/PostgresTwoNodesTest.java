package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.Request;
import dev.parley.server.store.Lease;
import dev.parley.server.store.postgres.PostgresDatabase;
import dev.parley.server.testing.ChildServer;
import dev.parley.server.testing.MutableClock;
import dev.parley.server.testing.PostgresForTests;
import dev.parley.server.testing.TestServers;
import dev.parley.server.testing.WireClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two server nodes on one PostgreSQL database (no cross-node delivery here: each test reads what was stored). The
 * per-conversation seq stays gap-free and a resend through either node is stored once; scheduled messages are sent
 * by one node at a time, and by the other once the first stops.
 */
class PostgresTwoNodesTest {
    @TempDir
    Path dataA;
    @TempDir
    Path dataB;
    final String database = PostgresForTests.freshDatabase();
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
    final List<ParleyServer> servers = new ArrayList<>();
    final List<WireClient> clients = new ArrayList<>();

    ParleyServer node(Path dataDir) {
        ParleyServer server = TestServers.start(TestServers.config(dataDir).clock(clock).postgres(database).build());
        servers.add(server);
        return server;
    }

    WireClient track(WireClient client) {
        clients.add(client);
        return client;
    }

    @AfterEach
    void stop() {
        clients.forEach(WireClient::close);
        servers.forEach(ParleyServer::stop);
        PostgresForTests.drop(database);
    }

    @Test
    void concurrentSendsThroughTwoNodesGetOneGapFreeSeqAndResendsThroughEitherAreStoredOnce() throws Exception {
        ParleyServer a = node(dataA);
        ParleyServer b = node(dataB);
        WireClient alice = track(WireClient.registered(a.uri(), "alice"));
        WireClient bob = track(WireClient.registered(b.uri(), "bob"));
        WireClient.befriend(alice, bob);
        long conversation = alice.ok(new Request.ConversationOpen("bob")).get("id").asLong();
        WireClient aliceOnB = track(alice.resume(b.uri()));

        // Alice sends every message through both nodes at once (as a client that lost its acks and retried through
        // the other node would), in opposite orders; bob sends his own through node B meanwhile.
        int count = 150;
        List<UUID> ids = IntStream.range(0, count).mapToObj(i -> UUID.randomUUID()).toList();
        List<CompletableFuture<JsonNode>> viaA = new ArrayList<>();
        List<CompletableFuture<JsonNode>> viaB = new ArrayList<>();
        List<CompletableFuture<JsonNode>> fromBob = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            viaA.add(alice.request(new Request.MessageSend(conversation, ids.get(i), "a" + i)));
            viaB.add(aliceOnB.request(new Request.MessageSend(conversation, ids.get(count - 1 - i),
                    "a" + (count - 1 - i))));
            fromBob.add(bob.request(new Request.MessageSend(conversation, UUID.randomUUID(), "b" + i)));
        }

        Map<UUID, Long> seqOf = new HashMap<>();
        for (int i = 0; i < count; i++) {
            JsonNode one = viaA.get(i).join();
            JsonNode other = viaB.get(count - 1 - i).join();
            assertThat(one.get("type").asText()).as("%s", one).isNotEqualTo("error");
            assertThat(other.get("type").asText()).as("%s", other).isNotEqualTo("error");
            long seq = one.at("/body/message/seq").asLong();
            assertThat(other.at("/body/message/seq").asLong()).as("both nodes answer with the one stored message")
                    .isEqualTo(seq);
            seqOf.put(ids.get(i), seq);
        }
        Set<Long> bobSeqs = new HashSet<>();
        for (CompletableFuture<JsonNode> reply : fromBob) {
            bobSeqs.add(reply.join().at("/body/message/seq").asLong());
        }

        Set<Long> all = new HashSet<>(seqOf.values());
        assertThat(all).hasSize(count);
        assertThat(bobSeqs).hasSize(count).doesNotContainAnyElementsOf(all);
        all.addAll(bobSeqs);
        assertThat(all).containsExactlyInAnyOrderElementsOf(
                LongStream.rangeClosed(1, 2L * count).boxed().toList());
        List<long[]> stored = query("SELECT seq, 0 FROM messages WHERE conversation_id = " + conversation
                + " ORDER BY seq");
        assertThat(stored).extracting(row -> row[0])
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 2L * count).boxed().toList());
        assertThat(query("SELECT last_seq, 0 FROM conversations WHERE id = " + conversation).get(0)[0])
                .isEqualTo(2L * count);
    }

    @Test
    void aLeaseIsHeldByOneHolderAtATimeAndPassesOnWhenItIsGivenUp() {
        try (PostgresDatabase one = PostgresDatabase.open(database, null, null, 1);
                PostgresDatabase two = PostgresDatabase.open(database, null, null, 1)) {
            Lease first = one.lease("test-work");
            Lease second = two.lease("test-work");
            Lease unrelated = two.lease("other-work");

            assertThat(first.held()).isTrue();
            assertThat(second.held()).as("taken by the first").isFalse();
            assertThat(first.held()).as("still the first's").isTrue();
            assertThat(unrelated.held()).as("another lease is free").isTrue();

            first.close();
            assertThat(first.held()).isFalse();
            assertThat(second.held()).as("free once the first gave it up").isTrue();
            second.close();
            unrelated.close();
        }
    }

    @Test
    void scheduledMessagesAreSentOnceByOneNodeAndByTheOtherWhenItStops() throws Exception {
        ParleyServer a = node(dataA);
        await().atMost(Duration.ofSeconds(10)).until(() -> leaseHolders().size() == 2);
        Set<Long> nodeA = leaseHolders();
        ParleyServer b = node(dataB);
        WireClient alice = track(WireClient.registered(b.uri(), "alice"));
        WireClient bob = track(WireClient.registered(b.uri(), "bob"));
        WireClient.befriend(alice, bob);
        long conversation = alice.ok(new Request.ConversationOpen("bob")).get("id").asLong();
        List<String> firstIds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            firstIds.add(schedule(alice, conversation, "early " + i, Duration.ofMinutes(10 + i)));
        }
        assertThat(leaseHolders()).as("node A's sessions still hold both leases").isEqualTo(nodeA);

        clock.advance(Duration.ofHours(1));
        await().atMost(Duration.ofSeconds(20)).until(() -> sentCount() == 20);
        assertThat(messagesWith(firstIds)).as("each sent once").isEqualTo(20);
        assertThat(leaseHolders()).as("sent by node A").isEqualTo(nodeA);

        a.stop();
        String late = schedule(alice, conversation, "after the first node stopped", Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(10));
        await().atMost(Duration.ofSeconds(20)).until(() -> sentCount() == 21);
        assertThat(messagesWith(List.of(late))).isEqualTo(1);
        assertThat(leaseHolders()).as("node B took both leases over").hasSize(2).doesNotContainAnyElementsOf(nodeA);
        assertThat(query("SELECT COUNT(*), COUNT(DISTINCT client_id) FROM messages WHERE conversation_id = "
                + conversation).get(0)).containsExactly(21, 21);
    }

    @Test
    void whenTheNodeHoldingTheLeasesIsKilledOutrightTheOtherTakesThemAndSendsWhatIsDue() throws Exception {
        try (ChildServer killed = ChildServer.start(List.of("--data", dataA.toString(), "--postgres", database))) {
            await().atMost(Duration.ofSeconds(20)).until(() -> leaseHolders().size() == 2);
            Set<Long> first = leaseHolders();
            ParleyServer b = node(dataB);
            WireClient alice = track(WireClient.registered(b.uri(), "alice"));
            WireClient bob = track(WireClient.registered(b.uri(), "bob"));
            WireClient.befriend(alice, bob);
            long conversation = alice.ok(new Request.ConversationOpen("bob")).get("id").asLong();
            // Due in months by either clock: the killed node (on the real clock) never finds it due.
            Instant later = Instant.now().plus(Duration.ofDays(300));
            Request.MessageSend message = new Request.MessageSend(conversation, UUID.randomUUID(), "after the kill");
            alice.ok(new Request.ScheduleCreate(message, later, false));
            assertThat(leaseHolders()).as("the first node's sessions hold both leases").isEqualTo(first);

            killed.kill();
            clock.advance(Duration.between(clock.instant(), later).plusMinutes(1));

            await().atMost(Duration.ofSeconds(30)).until(() -> sentCount() == 1);
            assertThat(messagesWith(List.of(message.clientId().toString()))).isEqualTo(1);
            assertThat(leaseHolders()).as("taken over").hasSize(2).doesNotContainAnyElementsOf(first);
        }
    }

    private String schedule(WireClient who, long conversation, String text, Duration in) {
        Request.MessageSend message = new Request.MessageSend(conversation, UUID.randomUUID(), text);
        who.ok(new Request.ScheduleCreate(message, clock.instant().plus(in), false));
        return message.clientId().toString();
    }

    private long sentCount() throws SQLException {
        return query("SELECT COUNT(*), 0 FROM scheduled_messages WHERE status = 'sent'").get(0)[0];
    }

    private long messagesWith(List<String> clientIds) throws SQLException {
        long found = 0;
        for (String id : clientIds) {
            try (Connection c = DriverManager.getConnection(database);
                    PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM messages WHERE client_id = ?")) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    found += r.getLong(1);
                }
            }
        }
        return found;
    }

    /** The sessions holding advisory locks in this database: the scheduler's and the broadcasts' leases. */
    private Set<Long> leaseHolders() throws SQLException {
        Set<Long> pids = new HashSet<>();
        query("SELECT l.pid, 0 FROM pg_locks l JOIN pg_database d ON d.oid = l.database"
                + " WHERE l.locktype = 'advisory' AND l.granted AND d.datname = current_database()")
                .forEach(row -> pids.add(row[0]));
        return pids;
    }

    private List<long[]> query(String sql) throws SQLException {
        List<long[]> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(database);
                PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                rows.add(new long[] {r.getLong(1), r.getLong(2)});
            }
        }
        return rows;
    }
}
