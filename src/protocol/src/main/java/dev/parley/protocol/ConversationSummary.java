package dev.parley.protocol;

/**
 * One conversation as the caller sees it: the other person, the newest seq, the caller's read cursor,
 * how many messages from others are unread, and the last message (null while empty).
 */
public record ConversationSummary(long id, UserProfile peer, long lastSeq, long readSeq, int unread,
        Message lastMessage) {
}
