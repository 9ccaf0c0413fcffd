package dev.parley.bench.server;

import dev.parley.bench.harness.Report;
import dev.parley.bench.load.ChatPeer;
import dev.parley.bench.load.Pairs;
import dev.parley.bench.load.Stamp;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Durable throughput: every connection keeps a window of sends to its partner outstanding (closed loop), for a
 * fixed time; acknowledged and delivered messages per second are counted. On Parley an {@code ok} means the
 * message is committed; on the relay, that it was forwarded. Afterwards every acknowledged message is checked to
 * have been delivered, once.
 */
@Command(name = "throughput",
        description = "Durable 1:1 throughput (acked after commit), Parley vs the bare relay (100 pairs,"
                + " 5 s warm-up, 20 s counted; --quick: 20 pairs, 1 s + 3 s).")
public final class ThroughputScenario extends PairScenario {
    @Option(names = "--window", description = "Sends outstanding per connection (default: 16; --quick: 4)")
    Integer window;

    /** What one server's run measured. */
    record Run(double ackedPerSecond, double deliveredPerSecond, long acked, long delivered, long lost,
                       long doubled, long failed, double cpuSecondsPerThousand) {
    }

    @Override
    protected void run(Report report) throws Exception {
        int pairCount = sized(pairs, 100, 20);
        int outstanding = sized(window, 16, 4);
        int warmupSeconds = sized(warmup, 5, 1);
        int countedSeconds = sized(seconds, 20, 3);
        report.parameter("connections", 2 * pairCount).parameter("window per connection", outstanding)
                .parameter("warm-up seconds", warmupSeconds).parameter("counted seconds", countedSeconds);
        Both<Run> both = onBoth(pairCount, (connected, jvm) -> drive(connected,
                () -> cpuSeconds(jvm.pid()), outstanding,
                TimeUnit.SECONDS.toNanos(warmupSeconds), TimeUnit.SECONDS.toNanos(countedSeconds)));
        Run parley = both.parley();
        Run relay = both.relay();
        report.row("acked messages per second", "msg/s", parley.ackedPerSecond(), relay.ackedPerSecond(),
                "≥ 50% of relay", parley.ackedPerSecond() >= 0.5 * relay.ackedPerSecond());
        report.row("delivered messages per second", "msg/s", parley.deliveredPerSecond(), relay.deliveredPerSecond(),
                null, null);
        report.row("messages acked (whole run)", "count", parley.acked(), relay.acked(), null, null);
        report.row("messages delivered (whole run)", "count", parley.delivered(), relay.delivered(), null, null);
        report.row("acked but not delivered", "count", parley.lost(), relay.lost(), "0", parley.lost() == 0);
        report.row("delivered twice", "count", parley.doubled(), relay.doubled(), "0", parley.doubled() == 0);
        report.row("sends failed", "count", parley.failed(), relay.failed(), null, null);
        report.row("server CPU per 1,000 messages", "ms", parley.cpuSecondsPerThousand() * 1000,
                relay.cpuSecondsPerThousand() * 1000, null, null);
    }

    /** One connection's sending side: its window of outstanding sends, and which of its messages were acked. */
    private static final class Sender {
        private final ChatPeer peer;
        private final Counts counts;
        private final BitSet acked = new BitSet();
        private final BitSet received = new BitSet();
        private long next;

        Sender(ChatPeer peer, Counts counts) {
            this.peer = peer;
            this.counts = counts;
        }

        void sendNext() {
            long number;
            synchronized (this) {
                number = next++;
            }
            counts.outstanding.incrementAndGet();
            peer.send(Stamp.text(System.nanoTime(), number)).whenComplete((ok, failure) -> {
                if (failure == null) {
                    synchronized (this) {
                        acked.set((int) number);
                    }
                    counts.acked.incrementAndGet();
                } else {
                    counts.failed.incrementAndGet();
                }
                counts.outstanding.decrementAndGet();
                if (counts.running && failure == null) {
                    sendNext();
                }
            });
        }

        /** The partner received this sender's message {@code number}. */
        synchronized void delivered(int number) {
            if (received.get(number)) {
                counts.doubled.incrementAndGet();
            }
            received.set(number);
            counts.delivered.incrementAndGet();
        }

        synchronized int ackedButNotDelivered() {
            BitSet missing = (BitSet) acked.clone();
            missing.andNot(received);
            return missing.cardinality();
        }
    }

    /** Counters shared by all senders of one run. */
    private static final class Counts {
        final AtomicLong acked = new AtomicLong();
        final AtomicLong delivered = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicLong doubled = new AtomicLong();
        final AtomicLong outstanding = new AtomicLong();
        volatile boolean running = true;
    }

    /** Keeps {@code window} sends outstanding per peer; {@code cpu} tells the CPU seconds the server(s) used so far. */
    static Run drive(List<Pairs.Pair> pairs, DoubleSupplier cpu, int window, long warmupNanos, long countedNanos)
            throws InterruptedException {
        Counts counts = new Counts();
        List<Sender> senders = new ArrayList<>();
        for (Pairs.Pair pair : pairs) {
            Sender a = new Sender(pair.a(), counts);
            Sender b = new Sender(pair.b(), counts);
            pair.b().onReceive(frame -> a.delivered((int) Stamp.number(frame)));
            pair.a().onReceive(frame -> b.delivered((int) Stamp.number(frame)));
            senders.add(a);
            senders.add(b);
        }
        for (int i = 0; i < window; i++) {
            senders.forEach(Sender::sendNext);
        }
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(warmupNanos));
        long ackedBefore = counts.acked.get();
        long deliveredBefore = counts.delivered.get();
        double cpuBefore = cpu.getAsDouble();
        long from = System.nanoTime();
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(countedNanos));
        double elapsed = (System.nanoTime() - from) / 1e9;
        long ackedIn = counts.acked.get() - ackedBefore;
        long deliveredIn = counts.delivered.get() - deliveredBefore;
        double cpuUsed = cpu.getAsDouble() - cpuBefore;
        counts.running = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while ((counts.outstanding.get() > 0 || counts.delivered.get() < counts.acked.get())
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        long lost = senders.stream().mapToLong(Sender::ackedButNotDelivered).sum();
        return new Run(ackedIn / elapsed, deliveredIn / elapsed, counts.acked.get(), counts.delivered.get(), lost,
                counts.doubled.get(), counts.failed.get(), cpuUsed / Math.max(1, ackedIn) * 1000);
    }
}
