package dev.parley.bench.server;

import dev.parley.bench.harness.Report;
import dev.parley.bench.harness.ScenarioCommand;
import dev.parley.bench.load.BenchSocket;
import dev.parley.bench.load.BulkAccounts;
import dev.parley.bench.load.BulkAccounts.Account;
import dev.parley.bench.load.ClientPool;
import dev.parley.bench.load.Deliveries;
import dev.parley.bench.load.ParleyConn;
import dev.parley.bench.load.Percentiles;
import dev.parley.bench.load.ProcessCpu;
import dev.parley.bench.relay.RelayUnderTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Group fan-out: every member of one group connected, a few of them posting into it at a fixed rate (open loop);
 * each delivery's latency runs from when its message was due. The relay does the same with its members joined to
 * one group.
 */
@Command(name = "fanout", description = "Group fan-out: a group of 1,000 members, all connected; senders post at a"
        + " fixed rate. Deliveries/s and latency per delivery, against the bare relay.")
public final class FanoutScenario extends ScenarioCommand {
    private static final double TARGET_DELIVERIES_PER_SECOND = 50_000;
    private static final double TARGET_P99_MS = 50;
    private static final long DRAIN_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);

    @Option(names = "--members", description = "Group members, the owner included (default 1,000; quick 50).")
    Integer members;

    @Option(names = "--rate", description = "Messages per second into the group (default 50; quick 20).")
    Integer rate;

    @Option(names = "--seconds", description = "Measured seconds (default 20; quick 3).")
    Integer seconds;

    @Option(names = "--warmup", description = "Seconds sent before measuring (default 5; quick 1).")
    Integer warmup;

    @Option(names = "--senders", description = "Members that post, in turn (default 10; quick 2).")
    Integer senders;

    /** One side under load: Parley or the relay, its members connected and reporting to {@code deliveries}. */
    private interface Group extends AutoCloseable {
        /** Sends message {@code number}, due at {@code dueNanos}, from sender {@code sender}. */
        void send(int sender, int number, long dueNanos);

        /** Sends that failed (error replies), by error code. */
        Map<String, Long> failedSends();

        /** The process that fans out. */
        long pid();

        @Override
        void close();
    }

    private record Result(double deliveriesPerSecond, Histogram latency, long missing, long duplicates,
                          long outOfOrder, Map<String, Long> failures, double cpuMillisPerThousand) {
        long failedSends() {
            return failures.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    @Override
    protected void run(Report report) throws Exception {
        int memberCount = members != null ? members : quick ? 50 : 1_000;
        int perSecond = rate != null ? rate : quick ? 20 : 50;
        int measured = seconds != null ? seconds : quick ? 3 : 20;
        int warm = warmup != null ? warmup : quick ? 1 : 5;
        int senderCount = Math.min(memberCount, senders != null ? senders : quick ? 2 : 10);
        report.parameter("members", memberCount).parameter("messages per second", perSecond)
                .parameter("offered deliveries per second", (long) perSecond * memberCount)
                .parameter("senders", senderCount).parameter("warmup s", warm).parameter("measured s", measured);

        Result parley;
        try (ServerUnderTest server = ServerUnderTest.start(work.resolve("server"), jvmFlags());
             ClientPool clients = new ClientPool(2, 2)) {
            parley = measure(perSecond, warm, measured, memberCount, senderCount,
                    deliveries -> new ParleyGroup(clients, server, memberCount, deliveries));
        }
        Result relay;
        try (RelayUnderTest server = RelayUnderTest.start(work.resolve("relay"), jvmFlags());
             ClientPool clients = new ClientPool(2, 2)) {
            relay = measure(perSecond, warm, measured, memberCount, senderCount,
                    deliveries -> new RelayGroup(clients, server, memberCount, senderCount, deliveries));
        }

        report.row("deliveries per second", "1/s", parley.deliveriesPerSecond(), relay.deliveriesPerSecond(),
                "≥ 50,000", parley.deliveriesPerSecond() >= TARGET_DELIVERIES_PER_SECOND);
        Percentiles.rows(report, "delivery latency", parley.latency(), relay.latency(), TARGET_P99_MS);
        report.row("deliveries missing", "count", parley.missing(), relay.missing(), "0", parley.missing() == 0);
        report.row("deliveries duplicated", "count", parley.duplicates(), relay.duplicates(), "0",
                parley.duplicates() == 0);
        report.row("deliveries out of order", "count", parley.outOfOrder(), relay.outOfOrder(), "0",
                parley.outOfOrder() == 0);
        report.row("sends refused", "count", parley.failedSends(), relay.failedSends(), "0",
                parley.failedSends() == 0);
        report.row("server CPU per 1,000 deliveries", "ms", parley.cpuMillisPerThousand(),
                relay.cpuMillisPerThousand(), null, null);
        if (parley.failedSends() > 0) {
            report.note("parley sends refused by code: " + parley.failures());
        }
        report.note("Parley's order is checked by seq across the group; the relay's per sender (it has no seq).");
    }

    private interface GroupFactory {
        Group connect(Deliveries deliveries) throws Exception;
    }

    /** Connects the group, sends open loop at {@code perSecond}, waits for the last deliveries, and tallies. */
    private static Result measure(int perSecond, int warm, int measured, int memberCount, int senderCount,
            GroupFactory factory) throws Exception {
        int messages = perSecond * (warm + measured);
        long period = TimeUnit.SECONDS.toNanos(1) / perSecond;
        Deliveries deliveries = new Deliveries(memberCount, senderCount, perSecond * warm);
        try (Group group = factory.connect(deliveries)) {
            long cpuBefore = ProcessCpu.millis(group.pid());
            long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
            deliveries.window(start + TimeUnit.SECONDS.toNanos(warm), start + TimeUnit.SECONDS.toNanos(warm + measured));
            for (int n = 0; n < messages; n++) {
                long due = start + n * period;
                for (long now = System.nanoTime(); now < due; now = System.nanoTime()) {
                    LockSupport.parkNanos(due - now);
                }
                group.send(n % senderCount, n, due);
            }
            long expected = (long) messages * memberCount;
            long deadline = System.nanoTime() + DRAIN_TIMEOUT_NANOS;
            while (deliveries.delivered() < expected && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            double cpuPerThousand = (ProcessCpu.millis(group.pid()) - cpuBefore) * 1000.0
                    / Math.max(1, deliveries.delivered());
            return new Result(deliveries.deliveredInWindow() / (double) measured, deliveries.latency(),
                    deliveries.missing(messages), deliveries.duplicates(), deliveries.outOfOrder(),
                    group.failedSends(), cpuPerThousand);
        }
    }

    /** The payload of message {@code number}: {@code f <number> <due nanoTime>}. */
    private static String payload(int number, long dueNanos) {
        return "f " + number + " " + dueNanos;
    }

    /** Reads a payload starting at {@code at} and records it with {@code receiver}. */
    private static void delivered(Deliveries.Receiver receiver, String frame, int at, int stream, long order) {
        int number = (int) Deliveries.number(frame, at + 2);
        long due = Deliveries.number(frame, frame.indexOf(' ', at + 2) + 1);
        receiver.delivered(number, due, stream, order);
    }

    /** Parley: registered members, friends of the owner, in one group; messages are {@code msg.send}s. */
    private static final class ParleyGroup implements Group {
        private static final String TEXT = "\"text\":\"";
        private static final String SEQ = "\"seq\":";

        private final List<Account> accounts;
        private final long conversation;
        private final long pid;
        private final Map<String, LongAdder> failed = new ConcurrentHashMap<>();

        ParleyGroup(ClientPool clients, ServerUnderTest server, int memberCount, Deliveries deliveries)
                throws InterruptedException {
            pid = server.jvm().pid();
            accounts = BulkAccounts.register(clients, server.uri(), "fan", memberCount);
            conversation = BulkAccounts.createGroup(accounts.get(0), accounts.subList(1, memberCount), "fan-out");
            for (int i = 0; i < memberCount; i++) {
                Deliveries.Receiver receiver = deliveries.receiver(i);
                accounts.get(i).conn().onPush(frame -> {
                    int text = frame.indexOf(TEXT);
                    if (text > 0 && frame.startsWith("f ", text + TEXT.length())) {
                        long seq = Deliveries.number(frame, frame.indexOf(SEQ) + SEQ.length());
                        delivered(receiver, frame, text + TEXT.length(), 0, seq);
                    }
                });
            }
        }

        @Override
        public void send(int sender, int number, long dueNanos) {
            accounts.get(sender).conn().send(conversation, payload(number, dueNanos))
                    .whenComplete((ok, failure) -> {
                        if (failure != null) {
                            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                            String code = cause instanceof ParleyConn.RequestFailed refused ? refused.getMessage()
                                    : cause.toString();
                            failed.computeIfAbsent(code, c -> new LongAdder()).increment();
                        }
                    });
        }

        @Override
        public Map<String, Long> failedSends() {
            Map<String, Long> byCode = new TreeMap<>();
            failed.forEach((code, count) -> byCode.put(code, count.sum()));
            return byCode;
        }

        @Override
        public long pid() {
            return pid;
        }

        @Override
        public void close() {
            BulkAccounts.closeAll(accounts);
        }
    }

    /** The relay: members joined to {@code g1}; a message is {@code <n> g1 <payload>}. */
    private static final class RelayGroup implements Group {
        private final List<BenchSocket> sockets = new ArrayList<>();
        private final long pid;

        RelayGroup(ClientPool clients, RelayUnderTest relay, int memberCount, int senderCount, Deliveries deliveries) {
            pid = relay.jvm().pid();
            List<CompletableFuture<?>> joined = new ArrayList<>();
            for (int i = 0; i < memberCount; i++) {
                Deliveries.Receiver receiver = deliveries.receiver(i);
                CompletableFuture<String> ack = new CompletableFuture<>();
                BenchSocket socket = BenchSocket.open(clients.forConnection(i), relay.uri("m" + i), frame -> {
                    if (frame.startsWith("f ")) {
                        int number = (int) Deliveries.number(frame, 2);
                        delivered(receiver, frame, 0, number % senderCount, number);
                    } else if (frame.startsWith("ok j")) {
                        ack.complete(frame);
                    }
                }).join();
                sockets.add(socket);
                socket.send("j" + i + " join g1");
                joined.add(ack);
            }
            CompletableFuture.allOf(joined.toArray(CompletableFuture[]::new)).orTimeout(60, TimeUnit.SECONDS).join();
        }

        @Override
        public void send(int sender, int number, long dueNanos) {
            sockets.get(sender).send(number + " g1 " + payload(number, dueNanos));
        }

        @Override
        public Map<String, Long> failedSends() {
            return Map.of();
        }

        @Override
        public long pid() {
            return pid;
        }

        @Override
        public void close() {
            ClientPool.closeAll(sockets);
        }
    }
}
