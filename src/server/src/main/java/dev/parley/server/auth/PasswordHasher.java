package dev.parley.server.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.ProtocolException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Argon2id hashing on a small, bounded pool: hashing is deliberately slow and memory-hungry, so a burst of
 * logins must queue (and beyond the queue be refused) instead of exhausting CPU and heap.
 */
public final class PasswordHasher implements AutoCloseable {
    private final Argon2Function argon2;
    private final ThreadPoolExecutor pool;
    /** A hash of a random password, verified against when the handle is unknown, so timing reveals nothing. */
    private final String decoy;

    public PasswordHasher(int memoryKiB, int iterations, int threads) {
        this.argon2 = Argon2Function.getInstance(memoryKiB, iterations, 1, 32, Argon2.ID);
        AtomicInteger counter = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(64),
                r -> {
                    Thread thread = new Thread(r, "parley-hash-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.decoy = Password.hash("decoy-" + System.nanoTime()).addRandomSalt(16).with(argon2).getResult();
    }

    public CompletableFuture<String> hash(String password) {
        return submit(() -> Password.hash(password).addRandomSalt(16).with(argon2).getResult());
    }

    /** Checks a password against a stored hash, or against a decoy when {@code storedHash} is null. */
    public CompletableFuture<Boolean> verify(String password, String storedHash) {
        return submit(() -> {
            boolean matches = Password.check(password, storedHash == null ? decoy : storedHash).with(argon2);
            return matches && storedHash != null;
        });
    }

    private <T> CompletableFuture<T> submit(java.util.function.Supplier<T> work) {
        try {
            return CompletableFuture.supplyAsync(work, pool);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(
                    new ProtocolException(ErrorCode.RATE_LIMITED, "too many sign-ins at once; try again", 1_000L));
        }
    }

    @Override
    public void close() {
        pool.shutdown();
    }

    /** After {@link #close()}, waits for hashes in progress, so sign-ins under way can finish. */
    public void awaitTermination(java.time.Duration timeout) throws InterruptedException {
        pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
