package dev.parley.bench.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.bench.harness.Report;
import dev.parley.bench.harness.ScenarioCommand;
import dev.parley.bench.load.BenchSocket;
import dev.parley.bench.load.BulkAccounts;
import dev.parley.bench.load.BulkAccounts.Account;
import dev.parley.bench.load.ClientPool;
import dev.parley.bench.load.InFlight;
import dev.parley.bench.load.ParleyConn;
import dev.parley.bench.load.Percentiles;
import dev.parley.bench.load.ProcessCpu;
import dev.parley.bench.load.Stampede;
import dev.parley.bench.relay.RelayUnderTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Reconnect storm: thousands of clients that were offline while their groups moved on all connect at the same
 * instant, sign in with their tokens and {@code sync} from their cursors until caught up. The relay takes the same
 * number of simultaneous handshakes (it has nothing to catch up on).
 */
@Command(name = "storm", description = "Reconnect storm: 5,000 clients connect at once and each resyncs 100 missed"
        + " messages. Time until all are caught up, handshakes refused or reset, against the bare relay.")
public final class StormScenario extends ScenarioCommand {
    private static final long TIMEOUT_SECONDS = 180;

    @Option(names = "--clients", description = "Clients reconnecting at once (default 5,000; quick 100).")
    Integer clients;

    @Option(names = "--missed", description = "Messages each client missed (default 100).")
    Integer missed;

    @Option(names = "--group-size", description = "Clients per group; each group's messages are missed by all of"
            + " its members (default 100; quick 50).")
    Integer groupSize;

    /** A storm client: its token, its group, and the cursor it had when it went offline. */
    private record Offline(String token, long conversation, long cursor) {
    }

    @Override
    protected void run(Report report) throws Exception {
        int clientCount = clients != null ? clients : quick ? 100 : 5_000;
        int missedCount = missed != null ? missed : 100;
        int size = Math.min(clientCount, groupSize != null ? groupSize : quick ? 50 : 100);
        report.parameter("clients", clientCount).parameter("missed messages each", missedCount)
                .parameter("clients per group", size);

        Stampede.Outcome parley;
        long wrongCatchUps;
        long parleyCpu;
        try (ServerUnderTest server = ServerUnderTest.start(work.resolve("server"), jvmFlags());
             ClientPool pool = new ClientPool(4, 2)) {
            List<Offline> offline = seed(pool, server, clientCount, size, missedCount);
            AtomicLong wrong = new AtomicLong();
            ConcurrentLinkedQueue<ParleyConn> open = new ConcurrentLinkedQueue<>();
            long cpuBefore = ProcessCpu.millis(server.jvm().pid());
            parley = Stampede.run(clientCount, i -> ParleyConn.connect(pool.forConnection(i), server.uri()),
                    (i, conn) -> {
                        open.add(conn);
                        Offline client = offline.get(i);
                        return conn.hello(client.token())
                                .thenCompose(hello -> catchUp(conn, client.conversation(), client.cursor(), 0))
                                .thenAccept(received -> {
                                    if (received != missedCount) {
                                        wrong.incrementAndGet();
                                    }
                                })
                                .whenComplete((ok, failure) -> {
                                    if (failure != null) {
                                        conn.socket().abort();
                                    }
                                });
                    }, TIMEOUT_SECONDS);
            wrongCatchUps = wrong.get();
            parleyCpu = ProcessCpu.millis(server.jvm().pid()) - cpuBefore;
            ClientPool.closeAll(open.stream().map(ParleyConn::socket).toList());
        }
        Stampede.Outcome relay;
        long relayCpu;
        try (RelayUnderTest server = RelayUnderTest.start(work.resolve("relay"), jvmFlags());
             ClientPool pool = new ClientPool(4, 2)) {
            ConcurrentLinkedQueue<BenchSocket> open = new ConcurrentLinkedQueue<>();
            long cpuBefore = ProcessCpu.millis(server.jvm().pid());
            relay = Stampede.run(clientCount,
                    i -> BenchSocket.open(pool.forConnection(i), server.uri("s" + i), frame -> { }),
                    (i, socket) -> {
                        open.add(socket);
                        return CompletableFuture.completedFuture(null);
                    }, TIMEOUT_SECONDS);
            relayCpu = ProcessCpu.millis(server.jvm().pid()) - cpuBefore;
            ClientPool.closeAll(open);
        }

        report.row("clients caught up", "count", clientCount - parley.gaveUp() - wrongCatchUps, clientCount + " of "
                + clientCount, parley.gaveUp() == 0 && wrongCatchUps == 0);
        report.row("failed attempts (refused, reset …)", "count", parley.failed(), relay.failed(), "0",
                parley.failed() == 0);
        report.row("time until all connected", "ms", parley.allOpenMicros() / 1000.0,
                relay.allOpenMicros() / 1000.0, null, null);
        report.row("time until all caught up", "ms", parley.allDoneMicros() / 1000.0, "reported", null);
        report.row("server CPU per client", "ms", parleyCpu / (double) clientCount, relayCpu / (double) clientCount,
                null, null);
        Percentiles.rows(report, "connected after", parley.open(), relay.open(), null);
        Percentiles.rows(report, "caught up after", parley.done(), null, null);
        note(report, "parley", parley.failures());
        note(report, "relay", relay.failures());
        report.note("A client whose attempt fails tries again after 1 s (5 attempts); times include those waits.");
    }

    private static void note(Report report, String side, Map<String, Long> failures) {
        if (!failures.isEmpty()) {
            report.note(side + " failed attempts by reason: " + failures);
        }
    }

    /**
     * Registers the storm's clients and one sender per group, makes the groups, takes the clients offline and
     * has each group's sender post {@code missedCount} messages.
     */
    private static List<Offline> seed(ClientPool pool, ServerUnderTest server, int clientCount, int size,
            int missedCount) throws InterruptedException {
        int groups = (clientCount + size - 1) / size;
        List<Account> members = BulkAccounts.register(pool, server.uri(), "storm", clientCount);
        List<Account> senders = BulkAccounts.register(pool, server.uri(), "sender", groups);
        List<Offline> offline = new ArrayList<>();
        long[] conversations = new long[groups];
        for (int g = 0; g < groups; g++) {
            List<Account> group = members.subList(g * size, Math.min(clientCount, (g + 1) * size));
            conversations[g] = BulkAccounts.createGroup(senders.get(g), group, "storm " + g);
            // Created with them, they have seen seq 1 (the line that made the group) and nothing after it.
            for (Account member : group) {
                offline.add(new Offline(member.token(), conversations[g], 1));
            }
        }
        BulkAccounts.closeAll(members);
        InFlight inFlight = new InFlight(200);
        for (int n = 0; n < missedCount; n++) {
            for (int g = 0; g < groups; g++) {
                Account sender = senders.get(g);
                long conversation = conversations[g];
                String text = "missed " + n;
                inFlight.submit(() -> sender.conn().send(conversation, text));
            }
        }
        inFlight.awaitAll(TIMEOUT_SECONDS);
        BulkAccounts.closeAll(senders);
        return offline;
    }

    /** Syncs from {@code cursor}, following {@code more}; completes with how many messages came in order. */
    private static CompletableFuture<Integer> catchUp(ParleyConn conn, long conversation, long cursor, int received) {
        ObjectNode body = ParleyConn.body();
        body.putObject("cursors").put(Long.toString(conversation), cursor);
        return conn.request("sync", body).thenCompose(page -> {
            long at = cursor;
            int count = received;
            for (JsonNode message : page.path("messages")) {
                if (message.path("conversationId").asLong() != conversation) {
                    continue;
                }
                long seq = message.path("seq").asLong();
                if (seq != at + 1) {
                    throw new IllegalStateException("sync skipped from seq " + at + " to " + seq);
                }
                at = seq;
                count++;
            }
            return page.path("more").asBoolean() ? catchUp(conn, conversation, at, count)
                    : CompletableFuture.completedFuture(count);
        });
    }
}
