package dev.parley.protocol;

/** Server pushes, sent as {@code {"type":"evt.…","body":…}} with no request id. */
public sealed interface Event {

    /** A message was stored in one of the recipient's conversations (also sent to the sender's devices). */
    record MessageEvent(Message message) implements Event {
    }

    /** The user's privacy settings changed (on any device). */
    record PrivacyEvent(DmPolicy dmPolicy) implements Event {
    }

    /**
     * The user's read cursor in a conversation after a {@code msg.read}, sent to all of that user's
     * connections so every device shows the same unread count.
     */
    record ReadEvent(long conversationId, long readSeq, int unread) implements Event {
    }
}
