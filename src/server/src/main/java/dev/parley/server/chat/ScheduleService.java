package dev.parley.server.chat;

import dev.parley.protocol.Event;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
import dev.parley.server.bus.Bus;
import dev.parley.server.net.Identity;
import dev.parley.server.social.AccountLimits;
import dev.parley.server.store.Lease;
import dev.parley.server.store.ScheduleChange;
import dev.parley.server.store.ScheduleStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scheduled messages and follow-ups: the requests that manage them, and the clock that sends each at its time
 * whether or not any device of its author is online. Delivery applies every rule of {@code msg.send} at that
 * moment; what can no longer be delivered is skipped and its author told why.
 */
public final class ScheduleService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ScheduleService.class);
    /** How often the scheduler looks for due messages; a message goes out at most this late. */
    static final Duration TICK = Duration.ofMillis(500);
    private static final int BATCH = 100;

    private final ScheduleStore store;
    private final AccountLimits limits;
    private final Bus bus;
    private final Clock clock;
    private final Ticker ticker;

    public ScheduleService(ScheduleStore store, AccountLimits limits, Bus bus, Clock clock) {
        this(store, limits, bus, clock, Lease.ALWAYS);
    }

    /** Due messages are sent only while this node holds {@code lease} (one node of a cluster at a time). */
    public ScheduleService(ScheduleStore store, AccountLimits limits, Bus bus, Clock clock, Lease lease) {
        this.store = store;
        this.limits = limits;
        this.bus = bus;
        this.clock = clock;
        this.ticker = new Ticker("parley-scheduler", TICK, lease, this::sendDue);
    }

    /** Starts sending due messages, including any that fell due while the server was down. */
    public void start() {
        ticker.start();
    }

    public CompletableFuture<Reply.Scheduled> create(Identity me, Request.ScheduleCreate request) {
        limits.message(me.userId());
        return store.create(me.userId(), request, clock.instant()).thenApply(created -> {
            if (!created.duplicate()) {
                tell(new ScheduleChange(me.userId(), created.scheduled()));
            }
            return new Reply.Scheduled(created.scheduled());
        });
    }

    public Reply.ScheduledList list(Identity me, Request.ScheduleList request) {
        return new Reply.ScheduledList(store.pending(me.userId(), request.conversationId()));
    }

    public CompletableFuture<Reply.Scheduled> update(Identity me, Request.ScheduleUpdate request) {
        return store.update(me.userId(), request, clock.instant()).thenApply(scheduled -> {
            tell(new ScheduleChange(me.userId(), scheduled));
            return new Reply.Scheduled(scheduled);
        });
    }

    public CompletableFuture<Reply.Scheduled> cancel(Identity me, Request.ScheduleCancel request) {
        return store.cancel(me.userId(), request.id()).thenApply(scheduled -> {
            tell(new ScheduleChange(me.userId(), scheduled));
            return new Reply.Scheduled(scheduled);
        });
    }

    /** Sends it now; a refusal is the caller's error, as for {@code msg.send}, and it stays scheduled. */
    public CompletableFuture<Reply.Sent> sendNow(Identity me, Request.ScheduleSendNow request) {
        limits.message(me.userId());
        return store.deliver(request.id(), me.userId(), false, clock.instant()).thenApply(delivery -> {
            ScheduleStore.Delivery done = delivery.orElseThrow();
            tell(done.change());
            return ConversationService.sent(done.appended());
        });
    }

    /** After a block or a privacy change: follow-ups that could no longer be delivered are cancelled. */
    public void recheckFollowUps(long userId) {
        store.cancelUndeliverableFollowUps(userId).thenAccept(changes -> changes.forEach(this::tell))
                .exceptionally(failure -> {
                    log.warn("could not recheck the follow-ups of user {}", userId, failure);
                    return null;
                });
    }

    /** Sends everything due now, one at a time so that a conversation's messages keep their order. */
    void sendDue() {
        List<Long> due;
        do {
            due = store.due(clock.instant(), BATCH);
            for (long id : due) {
                store.deliver(id, null, true, clock.instant()).join().ifPresent(this::delivered);
            }
        } while (due.size() == BATCH);
    }

    /** The message itself went out as the delivery's after-commit step; its author's list is told here. */
    private void delivered(ScheduleStore.Delivery delivery) {
        tell(delivery.change());
        if (delivery.appended() == null) {
            log.info("scheduled message {} skipped: {}", delivery.change().scheduled().id(),
                    delivery.change().scheduled().reason());
        }
    }

    private void tell(ScheduleChange change) {
        bus.publish(change.senderId(), new Event.ScheduledEvent(change.scheduled()));
    }

    @Override
    public void close() {
        ticker.close();
    }
}
