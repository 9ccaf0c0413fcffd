package dev.parley.client.store;

import dev.parley.protocol.GroupChange;
import dev.parley.protocol.MediaItem;
import dev.parley.protocol.Offer;
import dev.parley.protocol.Proposal;
import dev.parley.protocol.Reaction;
import dev.parley.protocol.Sticker;
import dev.parley.protocol.UserProfile;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A message as the local cache holds it; {@code seq} is 0 while it waits in the outbox, {@code failure} is
 * the server's error code when it refused the message (otherwise null). An {@code unsent} message has lost
 * its text for everyone; a {@code deleted} one was deleted on this device and leaves the chat. A message with
 * {@code media} has its caption (possibly empty) as text. A group's system line has {@code change} (what its
 * sender did) and empty text. A reply names the message it quotes ({@code replyTo}, else null);
 * {@code reactions} are the emoji people put on it, grouped per emoji; {@code card} is the profile it shares.
 * A poll has its question as text and its options and results in {@code poll} (null for anything else).
 * A sticker message has empty text and its {@code sticker} (null for anything else). An {@code offer} or a
 * {@code proposal} (with its status as last known) is what such a message carries; its text is a comment.
 */
public record StoredMessage(long conversationId, long seq, UUID clientId, String sender, String text,
        Instant sentAt, MessageStatus status, String failure, boolean unsent, boolean deleted, List<MediaItem> media,
        GroupChange change, Long replyTo, List<Reaction> reactions, UserProfile card, StoredPoll poll,
        Sticker sticker, Offer offer, Proposal proposal) {
    public StoredMessage {
        media = media == null ? List.of() : List.copyOf(media);
        reactions = reactions == null ? List.of() : List.copyOf(reactions);
    }

    /** A message with no offer and no proposal. */
    public StoredMessage(long conversationId, long seq, UUID clientId, String sender, String text,
            Instant sentAt, MessageStatus status, String failure, boolean unsent, boolean deleted,
            List<MediaItem> media, GroupChange change, Long replyTo, List<Reaction> reactions, UserProfile card,
            StoredPoll poll, Sticker sticker) {
        this(conversationId, seq, clientId, sender, text, sentAt, status, failure, unsent, deleted, media, change,
                replyTo, reactions, card, poll, sticker, null, null);
    }

    /** A message that is no sticker. */
    public StoredMessage(long conversationId, long seq, UUID clientId, String sender, String text,
            Instant sentAt, MessageStatus status, String failure, boolean unsent, boolean deleted,
            List<MediaItem> media, GroupChange change, Long replyTo, List<Reaction> reactions, UserProfile card,
            StoredPoll poll) {
        this(conversationId, seq, clientId, sender, text, sentAt, status, failure, unsent, deleted, media, change,
                replyTo, reactions, card, poll, null);
    }

    /** A message that is no poll. */
    public StoredMessage(long conversationId, long seq, UUID clientId, String sender, String text,
            Instant sentAt, MessageStatus status, String failure, boolean unsent, boolean deleted,
            List<MediaItem> media, GroupChange change, Long replyTo, List<Reaction> reactions, UserProfile card) {
        this(conversationId, seq, clientId, sender, text, sentAt, status, failure, unsent, deleted, media, change,
                replyTo, reactions, card, null);
    }

    public StoredMessage(long conversationId, long seq, UUID clientId, String sender, String text,
            Instant sentAt, MessageStatus status, String failure, boolean unsent, boolean deleted,
            List<MediaItem> media, GroupChange change) {
        this(conversationId, seq, clientId, sender, text, sentAt, status, failure, unsent, deleted, media, change,
                null, List.of(), null, null);
    }

    public StoredMessage(long conversationId, long seq, UUID clientId, String sender, String text,
            Instant sentAt, MessageStatus status, String failure, boolean unsent, boolean deleted,
            List<MediaItem> media, GroupChange change, Long replyTo, List<Reaction> reactions) {
        this(conversationId, seq, clientId, sender, text, sentAt, status, failure, unsent, deleted, media, change,
                replyTo, reactions, null, null);
    }

    public StoredMessage(long conversationId, long seq, UUID clientId, String sender, String text,
            Instant sentAt, MessageStatus status, String failure, boolean unsent, boolean deleted,
            List<MediaItem> media) {
        this(conversationId, seq, clientId, sender, text, sentAt, status, failure, unsent, deleted, media, null);
    }

    /** A group's system line as the server sent it. */
    public static StoredMessage systemLine(long conversationId, long seq, UUID clientId, String sender,
            Instant sentAt, GroupChange change) {
        return new StoredMessage(conversationId, seq, clientId, sender, "", sentAt, MessageStatus.SENT, null, false,
                false, List.of(), change);
    }

    /** A message without media. */
    public StoredMessage(long conversationId, long seq, UUID clientId, String sender, String text, Instant sentAt,
            MessageStatus status, String failure, boolean unsent, boolean deleted) {
        this(conversationId, seq, clientId, sender, text, sentAt, status, failure, unsent, deleted, List.of());
    }

    public StoredMessage(long conversationId, long seq, UUID clientId, String sender, String text, Instant sentAt,
            MessageStatus status) {
        this(conversationId, seq, clientId, sender, text, sentAt, status, null, false, false);
    }

    public StoredMessage(long conversationId, long seq, UUID clientId, String sender, String text, Instant sentAt,
            MessageStatus status, String failure) {
        this(conversationId, seq, clientId, sender, text, sentAt, status, failure, false, false);
    }

    /** The same message with its text (and media) gone for everyone. */
    public StoredMessage asUnsent() {
        return new StoredMessage(conversationId, seq, clientId, sender, "", sentAt, status, failure, true, false);
    }

    /** The same message, gone from this device. */
    public StoredMessage asDeleted() {
        return new StoredMessage(conversationId, seq, clientId, sender, "", sentAt, status, failure, unsent, true,
                media, change, replyTo, reactions, card, poll, sticker, offer, proposal);
    }

    /** The same outbox message with another status, keeping its media. */
    public StoredMessage withStatus(MessageStatus next, String reason) {
        return new StoredMessage(conversationId, seq, clientId, sender, text, sentAt, next, reason, unsent, deleted,
                media, change, replyTo, reactions, card, poll, sticker, offer, proposal);
    }

    public StoredMessage withMedia(List<MediaItem> items) {
        return new StoredMessage(conversationId, seq, clientId, sender, text, sentAt, status, failure, unsent, deleted,
                items, change, replyTo, reactions, card, poll, sticker, offer, proposal);
    }

    /** The same message as a poll with these results. */
    public StoredMessage withPoll(StoredPoll now) {
        return new StoredMessage(conversationId, seq, clientId, sender, text, sentAt, status, failure, unsent, deleted,
                media, change, replyTo, reactions, card, now, sticker, offer, proposal);
    }

    /** The same message as a reply to {@code seq}, with these reactions. */
    public StoredMessage withReplyAndReactions(Long quoted, List<Reaction> now) {
        return new StoredMessage(conversationId, seq, clientId, sender, text, sentAt, status, failure, unsent, deleted,
                media, change, quoted, now, card, poll, sticker, offer, proposal);
    }

    /** The same message as this sticker. */
    public StoredMessage withSticker(Sticker shown) {
        return new StoredMessage(conversationId, seq, clientId, sender, text, sentAt, status, failure, unsent, deleted,
                media, change, replyTo, reactions, card, poll, shown, offer, proposal);
    }

    /** The same message carrying this offer and this proposal (either may be null). */
    public StoredMessage withOfferAndProposal(Offer carried, Proposal proposed) {
        return new StoredMessage(conversationId, seq, clientId, sender, text, sentAt, status, failure, unsent, deleted,
                media, change, replyTo, reactions, card, poll, sticker, carried, proposed);
    }

    /** The same message sharing this profile. */
    public StoredMessage withCard(UserProfile shared) {
        return new StoredMessage(conversationId, seq, clientId, sender, text, sentAt, status, failure, unsent, deleted,
                media, change, replyTo, reactions, shared, poll, sticker, offer, proposal);
    }
}
