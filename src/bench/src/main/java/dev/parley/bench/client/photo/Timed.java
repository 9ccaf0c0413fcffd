package dev.parley.bench.client.photo;

import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * The warm time of one piece of work: run {@code warmup} times unmeasured (so the JIT has compiled it), then
 * {@code runs} times measured one after the other. Keeps the last result, for a quality check.
 *
 * @param medianMillis the median of the measured runs
 * @param p90Millis the 90th percentile of the measured runs
 * @param minMillis the fastest run
 * @param result what the last run returned
 */
record Timed<T>(double medianMillis, double p90Millis, double minMillis, T result) {

    static <T> Timed<T> measure(int warmup, int runs, Callable<T> work) throws Exception {
        T result = null;
        for (int i = 0; i < warmup; i++) {
            result = work.call();
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            result = work.call();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return new Timed<>(percentile(millis, 50), percentile(millis, 90), millis[0], result);
    }

    /** The nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double percentile) {
        int rank = (int) Math.ceil(percentile / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
