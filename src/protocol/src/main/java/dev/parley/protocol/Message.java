package dev.parley.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A stored message: its place in the conversation ({@code seq}), author, the sender's client id and text.
 * A {@link MessageKind#UNSEND} tombstone names the unsent message in {@code target}; the unsent message
 * itself comes back with {@code unsent} set and empty text. A message with {@code media} (photos, GIFs,
 * videos, in the sender's order) has its caption as text, possibly empty.
 */
public record Message(long conversationId, long seq, String sender, UUID clientId, String text, Instant sentAt,
        MessageKind kind, Long target, boolean unsent,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<MediaItem> media) {

    public Message {
        if (kind == null) {
            kind = MessageKind.TEXT;
        }
        media = media == null ? List.of() : List.copyOf(media);
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

    /** True for something to show in the chat (not an event about another message). */
    public boolean showsInChat() {
        return kind == MessageKind.TEXT;
    }
}
