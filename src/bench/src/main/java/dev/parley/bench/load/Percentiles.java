package dev.parley.bench.load;

import dev.parley.bench.harness.Report;
import org.HdrHistogram.Histogram;

/** Report rows for a latency histogram recorded in microseconds: p50, p90, p99, p99.9 and max, in ms. */
public final class Percentiles {
    private static final double[] SHOWN = {50, 90, 99, 99.9};

    private Percentiles() {
    }

    /** A histogram for microseconds up to an hour, 3 significant digits. */
    public static Histogram micros() {
        return new Histogram(3_600_000_000L, 3);
    }

    /**
     * Rows {@code <name> p50 … max}, Parley beside the relay when {@code relay} is not null; the p99 row carries
     * {@code p99TargetMs} when it is not null.
     */
    public static void rows(Report report, String name, Histogram parley, Histogram relay, Double p99TargetMs) {
        for (double p : SHOWN) {
            String label = name + " p" + (p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p));
            double value = ms(parley.getValueAtPercentile(p));
            String target = p == 99 && p99TargetMs != null ? "≤ " + fmt(p99TargetMs) + " ms" : null;
            Boolean met = target == null ? null : value <= p99TargetMs;
            if (relay != null) {
                report.row(label, "ms", value, ms(relay.getValueAtPercentile(p)), target, met);
            } else {
                report.row(label, "ms", value, target, met);
            }
        }
        if (relay != null) {
            report.row(name + " max", "ms", ms(parley.getMaxValue()), ms(relay.getMaxValue()), null, null);
        } else {
            report.row(name + " max", "ms", ms(parley.getMaxValue()), null, null);
        }
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
