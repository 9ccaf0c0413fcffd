package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.protocol.Request;
import dev.parley.server.store.sqlite.SqliteDatabase;
import dev.parley.server.testing.ChildServer;
import dev.parley.server.testing.OutboxClient;
import dev.parley.server.testing.OutboxClient.Stored;
import dev.parley.server.testing.WireClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crash loop: a server killed with SIGKILL every 1–3 s (a seeded schedule) and restarted on the same data
 * directory while clients with outboxes write continuously and reconnect. Afterwards every acknowledged message is
 * stored exactly once at the seq it was acknowledged at, nothing written is lost, seqs have no gaps, and every
 * client's view equals the database. CI runs 20 cycles; {@code -Dparley.crashloop.cycles=200} runs the long one.
 */
class CrashLoopTest {
    private static final Logger LOG = LoggerFactory.getLogger(CrashLoopTest.class);
    private static final int CLIENTS = 5;

    @TempDir
    Path dataDir;

    @Test
    void everyAckedMessageIsStoredOnceAndEveryClientConvergesThroughRepeatedSigkills() throws Exception {
        int cycles = Integer.getInteger("parley.crashloop.cycles", 20);
        long seed = Long.getLong("parley.crashloop.seed", 13);
        Random schedule = new Random(seed);
        long started = System.nanoTime();
        HttpClient http = HttpClient.newHttpClient();
        long restarts = 0;
        AtomicReference<ChildServer> server = new AtomicReference<>(ChildServer.start(dataDir));
        try {
            List<OutboxClient> clients = ring(server, http, seed);
            List<Thread> threads = clients.stream().map(c -> new Thread(c, "outbox-" + c.handle())).toList();
            threads.forEach(Thread::start);
            for (int cycle = 1; cycle <= cycles; cycle++) {
                awaitEveryClientAckedAgain(clients);
                // The environment under test, not an assertion: the kill lands at a random point of the traffic.
                Thread.sleep(1_000 + schedule.nextInt(2_001));
                server.get().kill();
                long restarting = System.nanoTime();
                server.set(ChildServer.start(dataDir));
                restarts += System.nanoTime() - restarting;
                if (cycle % 10 == 0) {
                    LOG.info("cycle {}: {} acked so far", cycle,
                            clients.stream().mapToInt(c -> c.acked().size()).sum());
                }
            }
            awaitEveryClientAckedAgain(clients);
            clients.forEach(OutboxClient::stop);
            for (Thread thread : threads) {
                thread.join(Duration.ofMinutes(2).toMillis());
            }
            assertThat(clients).allMatch(OutboxClient::finished, "finished with an empty outbox");
            clients.forEach(OutboxClient::syncOnce);
            server.get().kill();

            Map<Long, TreeMap<Long, Stored>> database = storedMessages(dataDir);
            assertEveryAckStoredOnceAndNothingLost(clients, database);
            assertThat(database.values()).allSatisfy(seqs -> assertThat(seqs.keySet()).as("gap-free seqs")
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, seqs.size()).boxed().toList()));
            for (OutboxClient client : clients) {
                assertThat(client.conflicts()).as("%s saw one seq twice", client.handle()).isEmpty();
                assertThat(client.refusals()).as("%s was refused", client.handle()).isEmpty();
                client.view().forEach((conversation, seqs) -> assertThat(seqs).as("%s's view of %s",
                        client.handle(), conversation).isEqualTo(database.get(conversation)));
            }
            LOG.info("crash loop: {} cycles, seed {}, {} clients, {} messages written, {} acked, {} stored, {} resent,"
                    + " {} acked as duplicate, {} sessions, {} s ({} ms per restart)", cycles, seed, CLIENTS,
                    clients.stream().mapToInt(OutboxClient::written).sum(),
                    clients.stream().mapToInt(c -> c.acked().size()).sum(),
                    database.values().stream().mapToInt(Map::size).sum(),
                    clients.stream().mapToInt(OutboxClient::resent).sum(),
                    clients.stream().mapToInt(OutboxClient::duplicateAcks).sum(),
                    clients.stream().mapToInt(OutboxClient::sessions).sum(),
                    Duration.ofNanos(System.nanoTime() - started).toSeconds(),
                    Duration.ofNanos(restarts / Math.max(1, cycles)).toMillis());
        } finally {
            server.get().kill();
        }
    }

    /** Client i writes into its conversations with i+1 and i−1, so every conversation has two writers at once. */
    private static List<OutboxClient> ring(AtomicReference<ChildServer> server, HttpClient http, long seed) {
        URI uri = server.get().uri();
        List<WireClient> people = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            people.add(WireClient.registered(uri, "writer" + i));
        }
        List<Long> conversations = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            WireClient next = people.get((i + 1) % CLIENTS);
            WireClient.befriend(people.get(i), next);
            conversations.add(people.get(i).ok(new Request.ConversationOpen(next.handle())).get("id").asLong());
        }
        List<OutboxClient> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            WireClient person = people.get(i);
            clients.add(new OutboxClient(person.handle(), person.token(), () -> server.get().uri(), http,
                    List.of(conversations.get(i), conversations.get((i + CLIENTS - 1) % CLIENTS)), seed + i));
            person.close();
        }
        return clients;
    }

    /** Waits until each client has had a new acknowledgement, so every cycle kills a server under real traffic. */
    private static void awaitEveryClientAckedAgain(List<OutboxClient> clients) {
        List<Integer> before = clients.stream().map(c -> c.acked().size()).toList();
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            for (int i = 0; i < clients.size(); i++) {
                if (clients.get(i).acked().size() <= before.get(i)) {
                    return false;
                }
            }
            return true;
        });
    }

    private static void assertEveryAckStoredOnceAndNothingLost(List<OutboxClient> clients,
            Map<Long, TreeMap<Long, Stored>> database) {
        Map<Stored, Long> seqOf = new HashMap<>();
        database.values().forEach(seqs -> seqs.forEach((seq, stored) -> seqOf.merge(stored, seq, (a, b) -> {
            throw new AssertionError(stored + " is stored twice");
        })));
        int written = 0;
        for (OutboxClient client : clients) {
            written += client.written();
            for (Map.Entry<UUID, Long> ack : client.acked().entrySet()) {
                assertThat(seqOf.get(new Stored(client.handle(), ack.getKey())))
                        .as("acked %s of %s", ack.getKey(), client.handle()).isEqualTo(ack.getValue());
            }
            assertThat(client.acked()).as("every message %s wrote was acked in the end", client.handle())
                    .hasSize(client.written());
        }
        assertThat(seqOf).as("stored: exactly what was written").hasSize(written);
    }

    /** Conversation → seq → (sender, client id), read straight from the server's SQLite file. */
    private static Map<Long, TreeMap<Long, Stored>> storedMessages(Path dataDir) throws SQLException {
        Map<Long, TreeMap<Long, Stored>> messages = new HashMap<>();
        String url = "jdbc:sqlite:" + dataDir.resolve(SqliteDatabase.FILE_NAME);
        try (Connection db = DriverManager.getConnection(url);
                ResultSet rows = db.createStatement().executeQuery("SELECT m.conversation_id, m.seq, u.handle,"
                        + " m.client_id FROM messages m JOIN users u ON u.id = m.sender_id")) {
            while (rows.next()) {
                messages.computeIfAbsent(rows.getLong(1), c -> new TreeMap<>()).put(rows.getLong(2),
                        new Stored(rows.getString(3), UUID.fromString(rows.getString(4))));
            }
        }
        return messages;
    }
}
