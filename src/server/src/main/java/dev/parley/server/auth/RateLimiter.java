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

    /** Milliseconds until {@code key} has a token again; 0 when it has one now. Takes nothing. */
    public long retryAfterMs(String key) {
        Bucket bucket = buckets.get(key);
        return bucket == null ? 0 : bucket.waitMillis(clock.millis());
    }

    /** Takes a token from {@code key}'s bucket (going no lower than empty). */
    public void consume(String key) {
        if (buckets.size() > PRUNE_ABOVE) {
            long now = clock.millis();
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        buckets.computeIfAbsent(key, k -> new Bucket(capacity, clock.millis())).take(clock.millis());
    }

    private final class Bucket {
        private double tokens;
        private long updatedAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updatedAt = now;
        }

        synchronized void take(long now) {
            refill(now);
            tokens = Math.max(0, tokens - 1);
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
