package dev.parley.server.net;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds connections whose peer went away without closing: each open connection is pinged about once per interval,
 * and one that has not answered a ping sent at least an interval ago is dropped. Java-WebSocket's own
 * connection-lost timer does the same but pings every connection in the same instant, so with 10,000 connections
 * the selector writes 10,000 pings and reads 10,000 pongs in one burst while the messages behind them wait. Here
 * the interval is cut into {@link #SLICES} ticks, and each tick takes its share of a list of the connections made
 * at the start of each interval (one opened since waits for the next).
 */
final class Heartbeat implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Heartbeat.class);
    static final int SLICES = 30;

    /** One connection as the heartbeat sees it. Times are in the heartbeat's clock ({@link System#nanoTime()}). */
    interface Peer {
        /** When it last answered a ping (or opened). */
        long lastPong();

        /** When it was last pinged; 0 if never. */
        long pingedAt();

        /** Sends a ping and remembers {@code now} as when. */
        void ping(long now);

        /** Drops the connection: its peer does not answer. */
        void drop();
    }

    private final Supplier<? extends Collection<? extends Peer>> peers;
    private final long intervalNanos;
    private final LongSupplier clock;
    private final ScheduledExecutorService ticker;
    private List<Peer> round = List.of();
    private int slice;

    Heartbeat(Supplier<? extends Collection<? extends Peer>> peers, Duration interval) {
        this(peers, interval, System::nanoTime, true);
    }

    /** With {@code start} false nothing ticks on its own: a test calls {@link #tick()}. */
    Heartbeat(Supplier<? extends Collection<? extends Peer>> peers, Duration interval, LongSupplier clock,
            boolean start) {
        this.peers = peers;
        this.intervalNanos = interval.toNanos();
        this.clock = clock;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "parley-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        if (start) {
            long every = Math.max(1, intervalNanos / SLICES);
            ticker.scheduleAtFixedRate(this::tickSafely, every, every, TimeUnit.NANOSECONDS);
        }
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            log.warn("heartbeat tick failed", e);
        }
    }

    /**
     * One slice of the interval. Each of this slice's connections is pinged, unless its last ping is unanswered:
     * then it is dropped if that ping is an interval old, and otherwise left to answer.
     */
    synchronized void tick() {
        if (slice == 0) {
            round = new ArrayList<>(peers.get());
        }
        int from = (int) ((long) round.size() * slice / SLICES);
        int to = (int) ((long) round.size() * (slice + 1) / SLICES);
        long now = clock.getAsLong();
        for (Peer peer : round.subList(from, to)) {
            long pinged = peer.pingedAt();
            boolean unanswered = pinged != 0 && peer.lastPong() - pinged < 0;
            if (!unanswered) {
                peer.ping(now);
            } else if (now - pinged >= intervalNanos) {
                log.debug("dropping a connection: no pong for {} ms", TimeUnit.NANOSECONDS.toMillis(now - pinged));
                peer.drop();
            }
        }
        slice = (slice + 1) % SLICES;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
