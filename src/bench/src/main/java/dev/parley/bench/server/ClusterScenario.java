package dev.parley.bench.server;

import dev.parley.bench.harness.Report;
import dev.parley.bench.load.HttpClients;
import dev.parley.bench.load.Latencies;
import dev.parley.bench.load.Pairs;
import java.util.List;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The multi-node path: PostgreSQL, Redis and two Parley nodes on this machine, every pair of people with one side
 * on each node, so each message is committed in PostgreSQL by one node and reaches its recipient through Redis and
 * the other. First delivery latency at a fixed rate over all pairs, then durable throughput (closed loop) over
 * some of them; then every acknowledged message is checked to have arrived once, and every conversation's seqs
 * to run 1, 2, … without a gap. The CPU of the nodes, PostgreSQL and Redis is counted per 1,000 messages.
 */
@Command(name = "cluster",
        description = "Two nodes on PostgreSQL and Redis, pairs split across the nodes: latency at a fixed rate"
                + " (2,000 pairs, 200 msg/s, 10 s warm-up, 30 s measured), then durable throughput (100 pairs,"
                + " window 16, 5 s + 20 s). --quick: 40 pairs, 100 msg/s, 1 s + 2 s; 20 pairs, window 4, 1 s + 3 s.")
public final class ClusterScenario extends PairScenario {
    @Option(names = "--nodes", description = "Parley nodes (default: 2)")
    int nodes = 2;

    @Option(names = "--rate", description = "Messages per second in the latency phase (default: 200; --quick: 100)")
    Integer rate;

    @Option(names = "--throughput-pairs", description = "Pairs in the throughput phase (default: 100; --quick: 20)")
    Integer throughputPairs;

    @Option(names = "--window", description = "Sends outstanding per connection (default: 16; --quick: 4)")
    Integer window;

    @Override
    protected void run(Report report) throws Exception {
        int pairCount = sized(pairs, 2_000, 40);
        int perSecond = sized(rate, 200, 100);
        int warmupSeconds = sized(warmup, 10, 1);
        int measuredSeconds = sized(seconds, 30, 2);
        int busyPairs = Math.min(pairCount, sized(throughputPairs, 100, 20));
        int outstanding = sized(window, 16, 4);
        int busyWarmup = quick ? 1 : 5;
        int busySeconds = quick ? 3 : 20;
        report.parameter("nodes", nodes).parameter("connections", 2 * pairCount)
                .parameter("latency: messages per second", perSecond)
                .parameter("latency: warm-up seconds", warmupSeconds)
                .parameter("latency: measured seconds", measuredSeconds)
                .parameter("throughput: connections", 2 * busyPairs)
                .parameter("throughput: window per connection", outstanding)
                .parameter("throughput: warm-up seconds", busyWarmup)
                .parameter("throughput: counted seconds", busySeconds);
        try (Cluster cluster = Cluster.start(work, nodes, 2 * pairCount,
                node -> node == 1 ? serverFlags() : jvmFlags());
             HttpClients http = new HttpClients(2 * pairCount, 2)) {
            List<Pairs.Pair> connected = Pairs.parley(http, cluster.uris(), cluster.accounts());

            Cpu latencyCpu = Cpu.of(cluster);
            LatencyScenario.Run latency = LatencyScenario.drive(connected, cluster::nodesCpuSeconds, perSecond,
                    TimeUnit.SECONDS.toNanos(warmupSeconds), TimeUnit.SECONDS.toNanos(measuredSeconds));
            Cpu latencyUsed = Cpu.of(cluster).minus(latencyCpu);
            Latencies.report(report, "delivery across nodes", latency.delivery());
            Latencies.report(report, "ack", latency.ack());
            report.row("messages sent (measured)", "count", latency.sent(), null, null);
            report.row("messages delivered (measured)", "count", latency.delivered(), null, null);
            report.row("sends failed (measured)", "count", latency.failed(), null, null);
            // (the latency phase's CPU figures include its warm-up messages: the whole phase over all it sent)
            long latencyMessages = (long) perSecond * (warmupSeconds + measuredSeconds);
            latencyUsed.report(report, "at " + perSecond + " msg/s", latencyMessages);

            Cpu busyCpu = Cpu.of(cluster);
            ThroughputScenario.Run busy = ThroughputScenario.drive(connected.subList(0, busyPairs),
                    cluster::nodesCpuSeconds, outstanding, TimeUnit.SECONDS.toNanos(busyWarmup),
                    TimeUnit.SECONDS.toNanos(busySeconds));
            Cpu busyUsed = Cpu.of(cluster).minus(busyCpu);
            report.row("acked messages per second", "msg/s", busy.ackedPerSecond(), null, null);
            report.row("delivered messages per second", "msg/s", busy.deliveredPerSecond(), null, null);
            report.row("messages acked (throughput phase)", "count", busy.acked(), null, null);
            report.row("messages delivered (throughput phase)", "count", busy.delivered(), null, null);
            report.row("acked but not delivered", "count", busy.lost(), "0", busy.lost() == 0);
            report.row("delivered twice", "count", busy.doubled(), "0", busy.doubled() == 0);
            report.row("sends failed", "count", busy.failed(), null, null);
            busyUsed.report(report, "at full load", busy.acked());
            Pairs.close(connected);

            long gaps = cluster.conversationsWithSeqGaps();
            report.row("conversations with a seq gap", "count", gaps, "0", gaps == 0);
        }
    }

    /** CPU seconds used so far by the nodes, PostgreSQL and Redis. */
    private record Cpu(double nodes, double postgres, double redis) {
        static Cpu of(Cluster cluster) {
            return new Cpu(cluster.nodesCpuSeconds(), cluster.postgresCpuSeconds(), cluster.redisCpuSeconds());
        }

        Cpu minus(Cpu before) {
            return new Cpu(nodes - before.nodes, postgres - before.postgres, redis - before.redis);
        }

        void report(Report report, String phase, long messages) {
            double per = 1e6 / Math.max(1, messages);
            report.row("nodes' CPU per 1,000 messages " + phase, "ms", nodes * per, null, null);
            report.row("PostgreSQL CPU per 1,000 messages " + phase, "ms", postgres * per, null, null);
            report.row("Redis CPU per 1,000 messages " + phase, "ms", redis * per, null, null);
        }
    }
}
