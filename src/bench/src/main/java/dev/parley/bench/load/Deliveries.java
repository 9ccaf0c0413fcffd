package dev.parley.bench.load;

import java.util.Arrays;
import java.util.BitSet;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What the receivers of a fan-out saw: every delivery's latency from the time its message was due to be sent
 * (open loop), deliveries inside the measured window, and per receiver which messages arrived, how often and in
 * what order. Messages are numbered 0, 1, 2 … in the order they were due.
 */
public final class Deliveries {
    private final Recorder latency = new Recorder(3_600_000_000L, 3);
    private final LongAdder inWindow = new LongAdder();
    private final LongAdder total = new LongAdder();
    private final Receiver[] receivers;
    private final int firstMeasured;
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;

    /**
     * {@code receivers} members, each seeing up to {@code streams} independently ordered streams; latency counts
     * for messages from {@code firstMeasured} on.
     */
    public Deliveries(int receivers, int streams, int firstMeasured) {
        this.receivers = new Receiver[receivers];
        for (int i = 0; i < receivers; i++) {
            this.receivers[i] = new Receiver(streams);
        }
        this.firstMeasured = firstMeasured;
    }

    /** Deliveries received between these two nanoTimes count towards deliveries/s. */
    public void window(long startNanos, long endNanos) {
        windowEnd = endNanos;
        windowStart = startNanos;
    }

    public Receiver receiver(int index) {
        return receivers[index];
    }

    /** Every delivery so far. */
    public long delivered() {
        return total.sum();
    }

    /** Deliveries received inside the measured window. */
    public long deliveredInWindow() {
        return inWindow.sum();
    }

    /** Latency of the measured deliveries, in microseconds (call once, at the end). */
    public Histogram latency() {
        return latency.getIntervalHistogram();
    }

    /** Deliveries of messages {@code 0 … messages-1} that never arrived, summed over receivers. */
    public long missing(int messages) {
        return Arrays.stream(receivers).mapToLong(r -> r.missing(messages)).sum();
    }

    public long duplicates() {
        return Arrays.stream(receivers).mapToLong(r -> r.duplicates).sum();
    }

    /** Deliveries that came after one later in their stream's order. */
    public long outOfOrder() {
        return Arrays.stream(receivers).mapToLong(r -> r.outOfOrder).sum();
    }

    /** One member's view. Frames of one connection arrive one at a time, so contention is nil. */
    public final class Receiver {
        private final BitSet seen = new BitSet();
        private final long[] lastInStream;
        private long duplicates;
        private long outOfOrder;

        private Receiver(int streams) {
            lastInStream = new long[streams];
            Arrays.fill(lastInStream, Long.MIN_VALUE);
        }

        /** Message {@code number}, due at {@code dueNanos}, arrived now at position {@code order} of {@code stream}. */
        public void delivered(int number, long dueNanos, int stream, long order) {
            long now = System.nanoTime();
            synchronized (this) {
                if (seen.get(number)) {
                    duplicates++;
                } else {
                    seen.set(number);
                }
                if (order <= lastInStream[stream]) {
                    outOfOrder++;
                } else {
                    lastInStream[stream] = order;
                }
            }
            total.increment();
            if (now >= windowStart && now < windowEnd) {
                inWindow.increment();
            }
            if (number >= firstMeasured) {
                latency.recordValue(Math.max(0, (now - dueNanos) / 1000));
            }
        }

        private synchronized long missing(int messages) {
            return messages - seen.get(0, messages).cardinality();
        }
    }

    /** The decimal number (maybe negative) starting at {@code from} in {@code text}. */
    public static long number(String text, int from) {
        boolean negative = text.charAt(from) == '-';
        int i = negative ? from + 1 : from;
        long value = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                break;
            }
            value = value * 10 + (c - '0');
            i++;
        }
        return negative ? -value : value;
    }
}
