package dev.parley.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.function.IntFunction;

/**
 * Runs many asynchronous steps (handshakes, sign-ins) with at most a given number in flight, so the setup of a
 * scenario does not itself become a storm.
 */
public final class Bounded {
    private Bounded() {
    }

    /** Runs {@code step(0..count-1)}, at most {@code inFlight} at a time; returns the results in index order. */
    public static <T> List<T> run(int count, int inFlight, IntFunction<CompletableFuture<T>> step)
            throws InterruptedException, ExecutionException {
        Semaphore permits = new Semaphore(inFlight);
        List<CompletableFuture<T>> futures = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            permits.acquire();
            CompletableFuture<T> future;
            try {
                future = step.apply(i);
            } catch (RuntimeException e) {
                future = CompletableFuture.failedFuture(e);
            }
            futures.add(future);
            future.whenComplete((ok, failure) -> permits.release());
            if (future.isCompletedExceptionally()) {
                break;
            }
        }
        List<T> results = new ArrayList<>(count);
        for (CompletableFuture<T> f : futures) {
            results.add(f.get());
        }
        return results;
    }
}
