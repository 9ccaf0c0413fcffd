package dev.parley.server.outreach;

import dev.parley.protocol.Event;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
import dev.parley.server.bus.Bus;
import dev.parley.server.chat.Ticker;
import dev.parley.server.net.Identity;
import dev.parley.server.social.AccountLimits;
import dev.parley.server.store.BroadcastStore;
import dev.parley.server.store.Lease;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Broadcasts: preview, send and results. Sending queues each recipient's message, throttled to a number per minute
 * on the server's clock; a background sender delivers them as they fall due, each as an ordinary 1:1 message through
 * the same append as {@code msg.send}, re-checking blocks, privacy and opt-outs at that moment.
 */
public final class BroadcastService implements AutoCloseable {
    /** How often the sender looks for due recipients. */
    static final Duration TICK = Duration.ofMillis(500);
    private static final int BATCH = 100;

    private final BroadcastStore store;
    private final AccountLimits limits;
    private final Bus bus;
    private final Clock clock;
    private final BroadcastStore.Pace pace;
    private final Ticker ticker;

    public BroadcastService(BroadcastStore store, AccountLimits limits, Bus bus, Clock clock,
            BroadcastStore.Pace pace) {
        this(store, limits, bus, clock, pace, Lease.ALWAYS);
    }

    /** Queued recipients are sent only while this node holds {@code lease} (one node of a cluster at a time). */
    public BroadcastService(BroadcastStore store, AccountLimits limits, Bus bus, Clock clock,
            BroadcastStore.Pace pace, Lease lease) {
        this.store = store;
        this.limits = limits;
        this.bus = bus;
        this.clock = clock;
        this.pace = pace;
        this.ticker = new Ticker("parley-broadcasts", TICK, lease, this::sendDue);
    }

    /** Starts sending queued recipients, including any left queued when the server stopped. */
    public void start() {
        ticker.start();
    }

    public Reply.BroadcastPreview preview(Identity me, Request.BroadcastPreview request) {
        return store.preview(me.userId(), request.segmentId(), request.content(), pace, clock.instant());
    }

    public CompletableFuture<Reply.BroadcastSent> send(Identity me, Request.BroadcastSend request) {
        limits.message(me.userId());
        return store.create(me.userId(), request.clientId(), request.segmentId(), request.content(), pace,
                clock.instant()).thenApply(created -> {
                    if (!created.duplicate()) {
                        bus.publish(me.userId(), new Event.BroadcastEvent(created.broadcast()));
                    }
                    return new Reply.BroadcastSent(created.broadcast(), created.duplicate());
                });
    }

    public Reply.Broadcasts list(Identity me) {
        return new Reply.Broadcasts(store.list(me.userId()));
    }

    public Reply.BroadcastDetail detail(Identity me, Request.BroadcastGet request) {
        return store.detail(me.userId(), request.id());
    }

    /** Sends every recipient due now, one at a time. */
    void sendDue() {
        List<long[]> due;
        do {
            due = store.due(clock.instant(), BATCH);
            for (long[] recipient : due) {
                store.deliver(recipient[0], recipient[1], clock.instant()).join().ifPresent(this::delivered);
            }
        } while (due.size() == BATCH);
    }

    /** The message itself went out as the delivery's after-commit step; the sender's totals are told here. */
    private void delivered(BroadcastStore.Delivery delivery) {
        bus.publish(delivery.senderId(), new Event.BroadcastEvent(delivery.broadcast()));
    }

    @Override
    public void close() {
        ticker.close();
    }
}
