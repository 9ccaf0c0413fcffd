package dev.parley.protocol;

/** Server pushes, sent as {@code {"type":"evt.…","body":…}} with no request id. */
public sealed interface Event {

    /** A message was stored in one of the recipient's conversations (also sent to the sender's devices). */
    record MessageEvent(Message message) implements Event {
    }

    /** The user's own read cursor moved on another device. */
    record ReadEvent(long conversationId, long readSeq, int unread) implements Event {
    }
}
