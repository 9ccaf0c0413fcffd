package dev.parley.server.store;

import dev.parley.protocol.ConversationSummary;
import dev.parley.protocol.MediaRef;
import dev.parley.protocol.Sticker;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Offer;
import dev.parley.protocol.Proposal;
import dev.parley.protocol.ProposalStatus;
import dev.parley.protocol.Request;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.List;

/** Conversations, their members and messages. Writes complete only after their transaction has committed. */
public interface ConversationStore {

    /**
     * Where every message this database commits goes once committed (see {@link CommittedMessages}): those of this
     * store's writes and of groups, schedules and broadcasts alike, in commit order, on the write queue's delivery
     * thread, before the write's future completes.
     */
    void onMessageCommitted(java.util.function.Consumer<Appended> listener);

    /** Gets or creates the direct conversation between two users (the same user for notes to self). */
    CompletableFuture<Long> openDirect(long userId, long otherUserId, Instant now);

    /** Whether the two users already have a direct conversation. */
    boolean hasDirect(long userId, long otherUserId);

    /** The conversation as {@code userId} sees it, or empty when they are not a member. */
    Optional<ConversationSummary> summary(long conversationId, long userId);

    /** The user's conversations, most recently active first. */
    List<ConversationSummary> list(long userId);

    /**
     * Stores a message with the conversation's next seq, or returns the original when the sender already
     * used {@code clientId}. Fails with {@code not_found} when the sender is not a member, and with
     * {@code conflict} when the client id was used for another conversation. {@code media} (possibly
     * empty) are linked in order; media the sender may not see fail it with {@code not_found}. {@code replyTo}
     * (or null) must be a message the sender can see, not unsent ({@code not_found} otherwise). {@code card} (or
     * null) is the handle of a person whose profile the message shares: {@code not_found} when there is no such
     * person or a block stands between them and the sender. {@code sticker} (or null) is kept with the message; its
     * image, when it names one, must be media the sender may see ({@code not_found}) and a small enough picture
     * ({@code bad_request}).
     */
    CompletableFuture<Appended> append(long conversationId, long senderId, UUID clientId, String text,
            List<MediaRef> media, Long replyTo, String card, Sticker sticker, Offer offer, Proposal proposal,
            Instant now);

    /** {@link #append} of a message with no offer and no proposal. */
    default CompletableFuture<Appended> append(long conversationId, long senderId, UUID clientId, String text,
            List<MediaRef> media, Long replyTo, String card, Sticker sticker, Instant now) {
        return append(conversationId, senderId, clientId, text, media, replyTo, card, sticker, null, null, now);
    }

    /**
     * Changes proposal {@code seq} to {@code status} (its recipient accepts or declines, its sender withdraws, while
     * it is pending) and appends a {@code proposal_update} event with the next seq; asking for the status it has
     * answers that event as a duplicate. {@code not_found} for no such proposal, {@code forbidden} for the wrong
     * person, {@code conflict} once it was answered.
     */
    CompletableFuture<Appended> respondToProposal(long conversationId, long userId, long seq, ProposalStatus status,
            Instant now);

    /**
     * Sets the user's reaction to message {@code seq} to {@code emoji} (null removes it) and appends a reaction
     * event with the next seq; when it is already so, returns the event that made it so as a duplicate.
     * {@code not_found} for a message the user cannot see or that was unsent.
     */
    CompletableFuture<Appended> react(long conversationId, long userId, long seq, String emoji, Instant now);

    /**
     * Pins or unpins message {@code seq} and appends a pin event with the next seq; when it is already so, returns
     * the event that made it so as a duplicate. In a group only owners and admins may ({@code forbidden});
     * {@code conflict} beyond {@link dev.parley.protocol.Limits#MAX_PINNED} pins.
     */
    CompletableFuture<Appended> pin(long conversationId, long userId, long seq, boolean pinned, Instant now);

    /**
     * Stores a poll as a message of kind {@code poll} with the conversation's next seq, or returns the original
     * when the author already used its {@code clientId}; the same checks as {@link #append}.
     */
    CompletableFuture<Appended> createPoll(long conversationId, long userId, Request.PollCreate poll, Instant now);

    /**
     * Replaces the user's vote in poll {@code seq} (an empty list retracts it) and appends a {@code poll_update}
     * event, sent as the poll's author; the same vote again is a duplicate answered with the poll. {@code not_found}
     * for a poll the user cannot see, {@code conflict} once closed, {@code bad_request} for options it lacks.
     */
    CompletableFuture<Appended> votePoll(long conversationId, long userId, long seq, List<Integer> options,
            Instant now);

    /** Closes poll {@code seq} (its author, or a group's owner or admin) and appends a {@code poll_update} event. */
    CompletableFuture<Appended> closePoll(long conversationId, long userId, long seq, Instant now);

    /**
     * Unsends the user's own message {@code seq}: erases its text and appends a tombstone with the next seq,
     * or returns the existing tombstone. {@code not_found} for a conversation or message the user cannot see,
     * {@code forbidden} for someone else's message.
     */
    CompletableFuture<Appended> unsend(long conversationId, long userId, long seq, Instant now);

    /** Whether the conversation is a group (false for a direct one or an unknown id). */
    boolean isGroup(long conversationId);

    /** The conversation's current member ids, ascending (empty for an unknown conversation). */
    List<Long> members(long conversationId);

    /** Moves the user's read cursor forward (never back, never past the last seq). */
    CompletableFuture<Reply.ReadCursor> markRead(long conversationId, long userId, long seq);

    /** Messages before {@code beforeSeq} (exclusive; null for newest), oldest first. */
    Reply.History history(long conversationId, long userId, Long beforeSeq, int limit);

    /** Messages after the cursors in the user's conversations, in (conversation, seq) order. */
    Reply.SyncPage after(long userId, Map<Long, Long> cursors, int limit);
}
