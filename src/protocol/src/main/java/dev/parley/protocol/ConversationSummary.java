package dev.parley.protocol;

/**
 * One conversation as the caller sees it. A direct conversation has {@code peer}, the other person; a group
 * has {@code group} instead (and no peer). Then: the newest seq, the caller's read cursor,
 * how many messages from others are unread, the last message (null while empty), and whether it is a
 * message request the caller has not accepted yet. {@code peerReadSeq} is how far the other person has
 * read, present only while both of them share read receipts (direct conversations only).
 */
public record ConversationSummary(long id, UserProfile peer, long lastSeq, long readSeq, int unread,
        Message lastMessage, boolean request, Long peerReadSeq, GroupInfo group) {

    public ConversationSummary(long id, UserProfile peer, long lastSeq, long readSeq, int unread,
            Message lastMessage, boolean request, Long peerReadSeq) {
        this(id, peer, lastSeq, readSeq, unread, lastMessage, request, peerReadSeq, null);
    }

    public ConversationSummary(long id, UserProfile peer, long lastSeq, long readSeq, int unread,
            Message lastMessage, boolean request) {
        this(id, peer, lastSeq, readSeq, unread, lastMessage, request, null);
    }
}
