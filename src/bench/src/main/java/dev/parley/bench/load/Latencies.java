package dev.parley.bench.load;

import dev.parley.bench.harness.Report;
import java.util.function.DoublePredicate;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Latencies recorded from any thread, in microseconds (HdrHistogram, 3 significant digits), reported in ms. */
public final class Latencies {
    /** The percentiles every latency figure reports, then the maximum. */
    private static final double[] PERCENTILES = {50, 90, 99, 99.9};

    private final Histogram histogram = new ConcurrentHistogram(3);

    public void recordNanos(long nanos) {
        histogram.recordValue(Math.max(0, nanos / 1_000));
    }

    public long count() {
        return histogram.getTotalCount();
    }

    public double percentileMillis(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1_000.0;
    }

    public double maxMillis() {
        return histogram.getMaxValue() / 1_000.0;
    }

    /** The targets a set of latency rows is held to; any may be null. */
    public record Targets(String p50, DoublePredicate p50Met, String p99, DoublePredicate p99Met,
                          Double p99MaxRatio) {
        public static final Targets NONE = new Targets(null, null, null, null, null);
    }

    /**
     * Rows p50, p90, p99, p99.9 and max of {@code what}, Parley beside the relay; p50 and p99 are judged against
     * {@code targets} (p99 both absolutely and as a ratio to the relay).
     */
    public static void report(Report report, String what, Latencies parley, Latencies relay, Targets targets) {
        for (double p : PERCENTILES) {
            double mine = parley.percentileMillis(p);
            double theirs = relay.percentileMillis(p);
            String target = null;
            Boolean met = null;
            if (p == 50 && targets.p50() != null) {
                target = targets.p50();
                met = targets.p50Met().test(mine);
            } else if (p == 99 && targets.p99() != null) {
                target = targets.p99();
                met = targets.p99Met().test(mine)
                        && (targets.p99MaxRatio() == null || mine <= targets.p99MaxRatio() * theirs);
            }
            String name = what + " p" + (p == Math.rint(p) ? Integer.toString((int) p) : Double.toString(p));
            report.row(name, "ms", mine, theirs, target, met);
        }
        report.row(what + " max", "ms", parley.maxMillis(), relay.maxMillis(), null, null);
    }

    /** Rows p50, p90, p99, p99.9 and max of {@code what}, with no relay beside them and no targets. */
    public static void report(Report report, String what, Latencies latencies) {
        for (double p : PERCENTILES) {
            String name = what + " p" + (p == Math.rint(p) ? Integer.toString((int) p) : Double.toString(p));
            report.row(name, "ms", latencies.percentileMillis(p), null, null);
        }
        report.row(what + " max", "ms", latencies.maxMillis(), null, null);
    }
}
