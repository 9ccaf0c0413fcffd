package dev.parley.bench.client;

import javafx.animation.AnimationTimer;
import org.HdrHistogram.Histogram;

/**
 * Watches the JavaFX thread's pulses: an {@link AnimationTimer} runs once per pulse (60 a second while the
 * scene is live), so the time between two runs is how long the FX thread could not paint. Start and stop it on
 * the FX thread; read it after {@link #stop()}.
 */
public final class FxStallMeter {
    private final Histogram gapsMicros = new Histogram(60_000_000L, 3);
    private long last = -1;
    private long longest;
    private int over50ms;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (last >= 0) {
                long gap = now - last;
                gapsMicros.recordValue(Math.min(gap / 1000, gapsMicros.getHighestTrackableValue()));
                longest = Math.max(longest, gap);
                if (gap > 50_000_000L) {
                    over50ms++;
                }
            }
            last = now;
        }
    };

    public void start() {
        last = -1;
        timer.start();
    }

    public void stop() {
        timer.stop();
    }

    /** The longest time between two pulses, in milliseconds. */
    public double longestGapMillis() {
        return longest / 1e6;
    }

    /** How many times the FX thread went more than 50 ms without a pulse. */
    public int gapsOver50ms() {
        return over50ms;
    }

    /** Pulses seen (gaps measured). */
    public long pulses() {
        return gapsMicros.getTotalCount();
    }

    /** A percentile of the time between pulses, in milliseconds. */
    public double gapPercentileMillis(double percentile) {
        return gapsMicros.getValueAtPercentile(percentile) / 1000.0;
    }
}
