package dev.parley.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A stored message: its place in the conversation ({@code seq}), author, the sender's client id and text.
 * A {@link MessageKind#UNSEND} tombstone names the unsent message in {@code target}; the unsent message
 * itself comes back with {@code unsent} set and empty text. A message with {@code media} (photos, GIFs,
 * videos, in the sender's order) has its caption as text, possibly empty. A {@link MessageKind#SYSTEM} line
 * in a group has empty text and says in {@code change} what its sender did. A reply names the message it
 * quotes in {@code replyTo}; {@code reactions} are the emoji people put on this message now, one per person
 * (each change also travels as a {@link MessageKind#REACTION} event). A message that shares someone's profile
 * carries it as {@code card} (its text is an optional comment).
 * A {@link MessageKind#POLL} carries its
 * {@code poll} with the results as they are now; each vote or close appends a {@link MessageKind#POLL_UPDATE}
 * event naming the poll in {@code target} and carrying its new results in {@code poll}. A sticker message has
 * empty text and its {@code sticker}. A message may carry a limited-time {@code offer} or, in a direct
 * conversation, a collaboration {@code proposal} with its current status (each status change also travels as a
 * {@link MessageKind#PROPOSAL_UPDATE} event carrying the proposal as it is then).
 */
public record Message(long conversationId, long seq, String sender, UUID clientId, String text, Instant sentAt,
        MessageKind kind, Long target, boolean unsent,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<MediaItem> media, GroupChange change, Long replyTo,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Reaction> reactions, UserProfile card, Poll poll, Sticker sticker,
        Offer offer, Proposal proposal) {

    public Message {
        if (kind == null) {
            kind = MessageKind.TEXT;
        }
        media = media == null ? List.of() : List.copyOf(media);
        reactions = reactions == null ? List.of() : List.copyOf(reactions);
    }

    /** A message that carries no offer and no proposal. */
    public Message(long conversationId, long seq, String sender, UUID clientId, String text, Instant sentAt,
            MessageKind kind, Long target, boolean unsent, List<MediaItem> media, GroupChange change, Long replyTo,
            List<Reaction> reactions, UserProfile card, Poll poll, Sticker sticker) {
        this(conversationId, seq, sender, clientId, text, sentAt, kind, target, unsent, media, change, replyTo,
                reactions, card, poll, sticker, null, null);
    }

    /** A message that is no sticker. */
    public Message(long conversationId, long seq, String sender, UUID clientId, String text, Instant sentAt,
            MessageKind kind, Long target, boolean unsent, List<MediaItem> media, GroupChange change, Long replyTo,
            List<Reaction> reactions, UserProfile card, Poll poll) {
        this(conversationId, seq, sender, clientId, text, sentAt, kind, target, unsent, media, change, replyTo,
                reactions, card, poll, null);
    }

    /** A message that is no poll and no poll event. */
    public Message(long conversationId, long seq, String sender, UUID clientId, String text, Instant sentAt,
            MessageKind kind, Long target, boolean unsent, List<MediaItem> media, GroupChange change, Long replyTo,
            List<Reaction> reactions, UserProfile card) {
        this(conversationId, seq, sender, clientId, text, sentAt, kind, target, unsent, media, change, replyTo,
                reactions, card, null);
    }

    /** A message that is no reply and has no reactions. */
    public Message(long conversationId, long seq, String sender, UUID clientId, String text, Instant sentAt,
            MessageKind kind, Long target, boolean unsent, List<MediaItem> media, GroupChange change) {
        this(conversationId, seq, sender, clientId, text, sentAt, kind, target, unsent, media, change, null,
                List.of(), null, null);
    }

    /** A message that shares no profile and is no poll. */
    public Message(long conversationId, long seq, String sender, UUID clientId, String text, Instant sentAt,
            MessageKind kind, Long target, boolean unsent, List<MediaItem> media, GroupChange change, Long replyTo,
            List<Reaction> reactions) {
        this(conversationId, seq, sender, clientId, text, sentAt, kind, target, unsent, media, change, replyTo,
                reactions, null, null);
    }

    /** The same message with these reactions. */
    public Message withReactions(List<Reaction> now) {
        return new Message(conversationId, seq, sender, clientId, text, sentAt, kind, target, unsent, media, change,
                replyTo, now, card, poll, sticker, offer, proposal);
    }

    /** A message that is not a group's system line. */
    public Message(long conversationId, long seq, String sender, UUID clientId, String text, Instant sentAt,
            MessageKind kind, Long target, boolean unsent, List<MediaItem> media) {
        this(conversationId, seq, sender, clientId, text, sentAt, kind, target, unsent, media, null);
    }

    /** A group's system line: {@code sender} did {@code change}. */
    public static Message system(long conversationId, long seq, String sender, UUID clientId, Instant sentAt,
            GroupChange change) {
        return new Message(conversationId, seq, sender, clientId, "", sentAt, MessageKind.SYSTEM, null, false,
                List.of(), change);
    }

    /** A message without media. */
    public Message(long conversationId, long seq, String sender, UUID clientId, String text, Instant sentAt,
            MessageKind kind, Long target, boolean unsent) {
        this(conversationId, seq, sender, clientId, text, sentAt, kind, target, unsent, List.of());
    }

    /** A text message. */
    public Message(long conversationId, long seq, String sender, UUID clientId, String text, Instant sentAt) {
        this(conversationId, seq, sender, clientId, text, sentAt, MessageKind.TEXT, null, false);
    }

    /** True for something someone wrote, shown as a bubble (not a tombstone, not a group's system line). */
    public boolean showsInChat() {
        return kind == MessageKind.TEXT;
    }

    /** True for a group's system line, shown as a centred line. (Not an is-getter: it is not a wire field.) */
    public boolean systemLine() {
        return kind == MessageKind.SYSTEM;
    }
}
