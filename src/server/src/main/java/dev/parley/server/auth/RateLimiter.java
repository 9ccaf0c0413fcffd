package dev.parley.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets keyed by a string (a handle, an address): {@code capacity} tokens, one more every
 * {@code refillEvery}. Time comes from the injected clock so tests need not sleep.
 */
public final class RateLimiter {
    private static final int PRUNE_ABOVE = 10_000;

    private final int capacity;
    private final long refillMillis;
    private final Clock clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(int capacity, Duration refillEvery, Clock clock) {
        this.capacity = capacity;
        this.refillMillis = refillEvery.toMillis();
        this.clock = clock;
    }

    /**
     * Takes a token from {@code key}'s bucket if it has one, atomically, so concurrent attempts cannot all
     * pass a check before any of them is counted.
     *
     * @return 0 when a token was taken, otherwise the milliseconds until one will be there
     */
    public long tryAcquire(String key) {
        if (buckets.size() > PRUNE_ABOVE) {
            long now = clock.millis();
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(capacity, clock.millis())).tryTake(clock.millis());
    }

    /** Gives back a token taken by {@link #tryAcquire}, e.g. when the attempt it paid for succeeded. */
    public void refund(String key) {
        Bucket bucket = buckets.get(key);
        if (bucket != null) {
            bucket.giveBack();
        }
    }

    private final class Bucket {
        private double tokens;
        private long updatedAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updatedAt = now;
        }

        synchronized long tryTake(long now) {
            long wait = waitMillis(now);
            if (wait == 0) {
                tokens -= 1;
            }
            return wait;
        }

        synchronized void giveBack() {
            tokens = Math.min(capacity, tokens + 1);
        }

        synchronized long waitMillis(long now) {
            refill(now);
            return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) * refillMillis);
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            if (now > updatedAt) {
                tokens = Math.min(capacity, tokens + (double) (now - updatedAt) / refillMillis);
                updatedAt = now;
            }
        }
    }
}
