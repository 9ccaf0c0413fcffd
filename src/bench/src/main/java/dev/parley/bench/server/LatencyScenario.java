package dev.parley.bench.server;

import dev.parley.bench.harness.Report;
import dev.parley.bench.load.ChatPeer;
import dev.parley.bench.load.Latencies;
import dev.parley.bench.load.Pairs;
import dev.parley.bench.load.Stamp;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.DoubleSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * 1:1 latency at a fixed rate: many pairs connected, one scheduler sending at fixed intervals without waiting for
 * replies (open loop). A message's latency runs from when it was due to be sent to when its recipient has it, so a
 * stall counts against every message that waited behind it; the sender's {@code ok} is recorded apart (on Parley
 * it means committed to disk).
 */
@Command(name = "latency",
        description = "1:1 delivery latency at a fixed message rate, Parley vs the bare relay (5,000 pairs,"
                + " 2,000 msg/s, 10 s warm-up, 60 s measured; --quick: 100 pairs, 200 msg/s, 2 s + 3 s).")
public final class LatencyScenario extends PairScenario {
    @Option(names = "--rate", description = "Messages per second (default: 2,000; --quick: 200)")
    Integer rate;

    /** What one server's run measured. */
    record Run(Latencies delivery, Latencies ack, long sent, long delivered, long failed, double cpuSeconds) {
    }

    @Override
    protected void run(Report report) throws Exception {
        int pairCount = sized(pairs, 5_000, 100);
        int perSecond = sized(rate, 2_000, 200);
        int warmupSeconds = sized(warmup, 10, 2);
        int measuredSeconds = sized(seconds, 60, 3);
        report.parameter("connections", 2 * pairCount).parameter("messages per second", perSecond)
                .parameter("warm-up seconds", warmupSeconds).parameter("measured seconds", measuredSeconds);
        Both<Run> both = onBoth(pairCount, (connected, jvm) -> drive(connected,
                () -> cpuSeconds(jvm.pid()), perSecond,
                TimeUnit.SECONDS.toNanos(warmupSeconds), TimeUnit.SECONDS.toNanos(measuredSeconds)));
        Run parley = both.parley();
        Run relay = both.relay();
        Latencies.report(report, "delivery", parley.delivery(), relay.delivery(), new Latencies.Targets(
                "≤ 2 ms", p -> p <= 2, "≤ 20 ms, ≤ 3× relay", p -> p <= 20, 3.0));
        Latencies.report(report, "ack", parley.ack(), relay.ack(), Latencies.Targets.NONE);
        report.row("messages sent (measured)", "count", parley.sent(), relay.sent(), null, null);
        report.row("messages delivered (measured)", "count", parley.delivered(), relay.delivered(), null, null);
        report.row("sends failed (measured)", "count", parley.failed(), relay.failed(), null, null);
        report.row("server CPU per 1,000 messages", "ms", 1e6 * parley.cpuSeconds() / parley.sent(),
                1e6 * relay.cpuSeconds() / relay.sent(), null, null);
    }

    /** Sends at {@code perSecond} round the pairs; {@code cpu} tells the CPU seconds the server(s) used so far. */
    static Run drive(List<Pairs.Pair> pairs, DoubleSupplier cpu, int perSecond, long warmupNanos, long measuredNanos)
            throws InterruptedException {
        Latencies delivery = new Latencies();
        Latencies ack = new Latencies();
        AtomicLong delivered = new AtomicLong();
        AtomicLong acked = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        long measureFrom = start + warmupNanos;
        long end = measureFrom + measuredNanos;
        for (Pairs.Pair pair : pairs) {
            for (ChatPeer peer : List.of(pair.a(), pair.b())) {
                peer.onReceive(frame -> {
                    long due = Stamp.dueNanos(frame);
                    if (due >= measureFrom) {
                        delivery.recordNanos(System.nanoTime() - due);
                        delivered.incrementAndGet();
                    }
                });
            }
        }
        double cpuBefore = 0;
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long sent = 0;
        for (long i = 0; ; i++) {
            long due = start + i * interval;
            if (due >= end) {
                break;
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            boolean measured = due >= measureFrom;
            if (measured && sent == 0) {
                cpuBefore = cpu.getAsDouble();
            }
            Pairs.Pair pair = pairs.get((int) (i % pairs.size()));
            ChatPeer from = (i / pairs.size()) % 2 == 0 ? pair.a() : pair.b();
            from.send(Stamp.text(due, i)).whenComplete((ok, failure) -> {
                if (failure != null && measured) {
                    failed.incrementAndGet();
                } else if (measured) {
                    ack.recordNanos(System.nanoTime() - due);
                    acked.incrementAndGet();
                }
            });
            if (measured) {
                sent++;
            }
        }
        double cpuUsed = cpu.getAsDouble() - cpuBefore;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while ((delivered.get() < sent || acked.get() + failed.get() < sent) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return new Run(delivery, ack, sent, delivered.get(), failed.get(), cpuUsed);
    }
}
