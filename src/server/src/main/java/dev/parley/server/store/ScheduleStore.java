package dev.parley.server.store;

import dev.parley.protocol.Request;
import dev.parley.protocol.ScheduledMessage;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Messages to send later and follow-ups, kept until their time and then delivered like {@code msg.send}. */
public interface ScheduleStore {

    /** What {@link #create} did: the scheduled message, and whether the same client id had already scheduled it. */
    record Created(ScheduledMessage scheduled, boolean duplicate) {
    }

    /** What delivering did: the scheduled message as it is now, and the message it became (null when skipped). */
    record Delivery(ScheduleChange change, Appended appended) {
    }

    /**
     * Stores a message to send at {@code request.sendAt()}. {@code not_found} for a conversation the sender is not
     * in or media they cannot use; {@code bad_request} for a time not in the future or too far ahead, or a
     * follow-up outside a direct conversation; {@code conflict} for a second pending follow-up in a conversation,
     * a follow-up after an unanswered one, or too many pending. A reused client id answers the original.
     */
    CompletableFuture<Created> create(long senderId, Request.ScheduleCreate request, Instant now);

    /** The sender's pending scheduled messages (in one conversation, or all when null), soonest first. */
    List<ScheduledMessage> pending(long senderId, Long conversationId);

    /** Changes a pending one's text and/or time; {@code not_found} for someone else's, {@code conflict} once done. */
    CompletableFuture<ScheduledMessage> update(long senderId, Request.ScheduleUpdate request, Instant now);

    /** Cancels a pending one; {@code not_found} for someone else's, {@code conflict} once done. */
    CompletableFuture<ScheduledMessage> cancel(long senderId, long id);

    /**
     * Sends it now as its author would. When {@code skipWhenRefused}, a refusal (privacy, blocks, membership)
     * marks it skipped with the reason; otherwise the refusal fails the future and it stays pending.
     * {@code senderId} null: whoever wrote it (the scheduler); else it must be theirs ({@code not_found}).
     * Empty when it is no longer pending.
     */
    CompletableFuture<java.util.Optional<Delivery>> deliver(long id, Long senderId, boolean skipWhenRefused,
            Instant now);

    /** Ids of pending ones whose time has come, soonest first. */
    List<Long> due(Instant now, int limit);

    /**
     * Cancels pending follow-ups between this user and anyone they share a direct conversation with that could
     * no longer be delivered (after a block or a privacy change), and returns them.
     */
    CompletableFuture<List<ScheduleChange>> cancelUndeliverableFollowUps(long userId);
}
