package dev.parley.bench.load;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Pipelines requests with at most {@code limit} of them unanswered (the protocol asks clients to keep that in
 * the low hundreds), so setup runs at the server's pace instead of one round trip at a time.
 */
public final class InFlight {
    private final Semaphore permits;
    private final int limit;

    public InFlight(int limit) {
        this.limit = limit;
        this.permits = new Semaphore(limit);
    }

    /** Starts {@code request} once fewer than {@code limit} are unanswered; blocks the caller until then. */
    public <T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> request) {
        permits.acquireUninterruptibly();
        CompletableFuture<T> reply;
        try {
            reply = request.get();
        } catch (RuntimeException e) {
            permits.release();
            throw e;
        }
        reply.whenComplete((ok, failure) -> permits.release());
        return reply;
    }

    /** Waits until every submitted request has been answered. */
    public void awaitAll(long timeoutSeconds) throws InterruptedException {
        if (!permits.tryAcquire(limit, timeoutSeconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException((limit - permits.availablePermits()) + " requests still unanswered after "
                    + timeoutSeconds + " s");
        }
        permits.release(limit);
    }
}
