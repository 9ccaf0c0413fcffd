package dev.parley.server.store;

import dev.parley.protocol.Broadcast;
import dev.parley.protocol.BroadcastContent;
import dev.parley.protocol.Reply;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** Broadcasts: evaluating a segment into recipients, queueing their messages, sending them, and the results. */
public interface BroadcastStore {

    /** How many recipients a sender may reach in any 24 hours, and how many of a broadcast go out per minute. */
    record Pace(int dailyCap, int perMinute) {
        public static final Pace DEFAULT = new Pace(dev.parley.protocol.Limits.BROADCAST_DAILY_RECIPIENTS, 30);

        public Pace {
            if (dailyCap < 0 || perMinute < 1) {
                throw new IllegalArgumentException("a daily cap of at least 0 and at least one per minute");
            }
        }
    }

    record Created(Broadcast broadcast, boolean duplicate) {
    }

    /** One recipient's turn: the broadcast's results after it, and the message it became (null if not sent). */
    record Delivery(long senderId, Broadcast broadcast, Appended appended) {
    }

    /**
     * What sending would do now; {@code not_found} for a segment not the sender's, {@code bad_request} for a
     * variable that is unknown or empty for a recipient.
     */
    Reply.BroadcastPreview preview(long senderId, long segmentId, BroadcastContent content, Pace pace, Instant now);

    /** As {@link #preview}, then stores it with its recipients queued; a resent client id answers the first. */
    CompletableFuture<Created> create(long senderId, UUID clientId, long segmentId, BroadcastContent content,
            Pace pace, Instant now);

    List<Broadcast> list(long senderId);

    /** {@code not_found} for an id not the sender's. */
    Reply.BroadcastDetail detail(long senderId, long id);

    /** Queued recipients whose time has come, as {broadcast id, recipient id}, oldest first. */
    List<long[]> due(Instant now, int limit);

    /** Sends one queued recipient's message, or skips it if they can no longer receive it; empty if not queued. */
    CompletableFuture<Optional<Delivery>> deliver(long broadcastId, long recipientId, Instant now);

    /** The sender's broadcasts created in [from, to), summed. */
    BroadcastTotals totals(long senderId, Instant from, Instant to);
}
