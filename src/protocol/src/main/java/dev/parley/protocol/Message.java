package dev.parley.protocol;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored message: its place in the conversation ({@code seq}), author, the sender's client id and text.
 * A {@link MessageKind#UNSEND} tombstone names the unsent message in {@code target}; the unsent message
 * itself comes back with {@code unsent} set and empty text.
 */
public record Message(long conversationId, long seq, String sender, UUID clientId, String text, Instant sentAt,
        MessageKind kind, Long target, boolean unsent) {

    public Message {
        if (kind == null) {
            kind = MessageKind.TEXT;
        }
    }

    /** A text message. */
    public Message(long conversationId, long seq, String sender, UUID clientId, String text, Instant sentAt) {
        this(conversationId, seq, sender, clientId, text, sentAt, MessageKind.TEXT, null, false);
    }

    /** True for something to show in the chat (not an event about another message). */
    public boolean showsInChat() {
        return kind == MessageKind.TEXT;
    }
}
