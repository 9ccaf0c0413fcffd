package dev.parley.bench.load;

import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;

/**
 * Many clients connecting at the same instant, each then doing its work (e.g. sign in and catch up). A client
 * whose handshake or work fails is counted by why (refused, reset, timeout …) and tries again after a second,
 * as a real client backs off, so the time until all are done includes the cost of every failure.
 */
public final class Stampede {
    private static final int ATTEMPTS = 5;
    private static final long BACKOFF_MS = 1_000;

    /**
     * Per client the time from the start until its connection was open and until its work was done (µs, of the
     * attempt that succeeded); the last of each; failures by reason; clients that gave up.
     */
    public record Outcome(Histogram open, Histogram done, long allOpenMicros, long allDoneMicros,
                          Map<String, Long> failures, long failed, long gaveUp) {
    }

    private Stampede() {
    }

    /**
     * Starts {@code clients} connections at once with {@code open}, and on each open connection runs
     * {@code work}; completes when every client is done or has given up.
     */
    public static <T> Outcome run(int clients, IntFunction<CompletableFuture<T>> open,
            BiFunction<Integer, T, CompletableFuture<?>> work, long timeoutSeconds) throws InterruptedException {
        Histogram opened = Percentiles.micros();
        Histogram done = Percentiles.micros();
        AtomicLong lastOpen = new AtomicLong();
        AtomicLong lastDone = new AtomicLong();
        Map<String, LongAdder> failures = new ConcurrentHashMap<>();
        LongAdder gaveUp = new LongAdder();
        ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "stampede-retry");
            t.setDaemon(true);
            return t;
        });
        CompletableFuture<?>[] finished = new CompletableFuture<?>[clients];
        long start = System.nanoTime();
        try {
            for (int i = 0; i < clients; i++) {
                CompletableFuture<Void> client = new CompletableFuture<>();
                finished[i] = client;
                int index = i;
                Runnable[] attempt = new Runnable[1];
                int[] attemptsLeft = {ATTEMPTS};
                attempt[0] = () -> open.apply(index).thenCompose(connection -> {
                    long micros = (System.nanoTime() - start) / 1000;
                    synchronized (opened) {
                        opened.recordValue(micros);
                    }
                    lastOpen.accumulateAndGet(micros, Math::max);
                    return work.apply(index, connection);
                }).whenComplete((ok, failure) -> {
                    if (failure == null) {
                        long micros = (System.nanoTime() - start) / 1000;
                        synchronized (done) {
                            done.recordValue(micros);
                        }
                        lastDone.accumulateAndGet(micros, Math::max);
                        client.complete(null);
                    } else {
                        failures.computeIfAbsent(reason(failure), r -> new LongAdder()).increment();
                        if (--attemptsLeft[0] > 0) {
                            retries.schedule(attempt[0], BACKOFF_MS, TimeUnit.MILLISECONDS);
                        } else {
                            gaveUp.increment();
                            client.complete(null);
                        }
                    }
                });
                attempt[0].run();
            }
            CompletableFuture.allOf(finished).get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("stampede did not finish within " + timeoutSeconds + " s", e);
        } finally {
            retries.shutdownNow();
        }
        Map<String, Long> byReason = new TreeMap<>();
        failures.forEach((reason, count) -> byReason.put(reason, count.sum()));
        long failed = byReason.values().stream().mapToLong(Long::longValue).sum();
        return new Outcome(opened, done, lastOpen.get(), lastDone.get(), byReason, failed, gaveUp.sum());
    }

    /** Why an attempt failed, in a word: refused, reset, timeout, closed, or the exception's class. */
    static String reason(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            if (cause instanceof ConnectException || cause instanceof HttpTimeoutException) {
                break;
            }
            cause = cause.getCause();
        }
        String message = String.valueOf(cause.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (cause instanceof HttpTimeoutException || message.contains("timed out")) {
            return "timeout";
        }
        if (cause instanceof ConnectException || message.contains("refused")) {
            return "refused";
        }
        if (message.contains("reset") || message.contains("broken pipe")) {
            return "reset";
        }
        if (message.contains("closed")) {
            return "closed";
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
