package dev.parley.client.net;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** Exponential backoff with full jitter: the n-th retry waits a random time up to min(cap, base · 2ⁿ). */
public final class Backoff {
    private final Duration base;
    private final Duration cap;
    private final RandomGenerator random;
    private int attempt;

    public Backoff(Duration base, Duration cap, RandomGenerator random) {
        this.base = base;
        this.cap = cap;
        this.random = random;
    }

    public Duration next() {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(attempt, 20));
        attempt++;
        return Duration.ofMillis(ceiling / 2 + random.nextLong(ceiling / 2 + 1));
    }

    public void reset() {
        attempt = 0;
    }
}
