package dev.parley.server.chat;

import dev.parley.server.store.Lease;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background work that looks for what has fallen due (scheduled messages, queued broadcast recipients) on a named
 * daemon thread at a fixed delay: never two runs at once, a failed run logged and tried again at the next tick.
 * The work reads the injected clock itself, so tests move time instead of waiting for ticks. With several server
 * nodes the work runs only on the node that holds the {@link Lease}, so each due item is sent by one node.
 */
public final class Ticker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Ticker.class);

    private final String name;
    private final Duration every;
    private final Runnable work;
    private final Lease lease;
    private final ScheduledExecutorService thread;
    private final AtomicBoolean running = new AtomicBoolean();

    /** {@code name} names the thread and the log lines ("parley-broadcasts"). */
    public Ticker(String name, Duration every, Runnable work) {
        this(name, every, Lease.ALWAYS, work);
    }

    /** A ticker whose work runs only while this node holds {@code lease}. */
    public Ticker(String name, Duration every, Lease lease, Runnable work) {
        this.name = name;
        this.every = every;
        this.work = work;
        this.lease = lease;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts ticking now, which also picks up anything left due while the server was down. */
    public void start() {
        thread.scheduleWithFixedDelay(this::runOnce, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Does the work now unless a run is under way or another node holds the lease. */
    public void runOnce() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            if (lease.held()) {
                work.run();
            }
        } catch (RuntimeException e) {
            log.error("{} failed; will try again", name, e);
        } finally {
            running.set(false);
        }
    }

    /** Stops ticking, then gives the lease up so another node carries on. */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lease.close();
    }
}
