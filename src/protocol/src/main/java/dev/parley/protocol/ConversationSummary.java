package dev.parley.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One conversation as the caller sees it. A direct conversation has {@code peer}, the other person; a group
 * has {@code group} instead (and no peer). Then: the newest seq, the caller's read cursor,
 * how many messages from others are unread, the last message (null while empty), and whether it is a
 * message request the caller has not accepted yet. {@code peerReadSeq} is how far the other person has
 * read, present only while both of them share read receipts (direct conversations only). {@code pinned} are the
 * seqs of the pinned messages the caller can see, oldest pin first.
 */
public record ConversationSummary(long id, UserProfile peer, long lastSeq, long readSeq, int unread,
        Message lastMessage, boolean request, Long peerReadSeq, GroupInfo group,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Long> pinned) {

    public ConversationSummary {
        pinned = pinned == null ? List.of() : List.copyOf(pinned);
    }

    public ConversationSummary(long id, UserProfile peer, long lastSeq, long readSeq, int unread,
            Message lastMessage, boolean request, Long peerReadSeq, GroupInfo group) {
        this(id, peer, lastSeq, readSeq, unread, lastMessage, request, peerReadSeq, group, List.of());
    }

    /** The same summary with these pinned messages. */
    public ConversationSummary withPinned(List<Long> seqs) {
        return new ConversationSummary(id, peer, lastSeq, readSeq, unread, lastMessage, request, peerReadSeq, group,
                seqs);
    }

    public ConversationSummary(long id, UserProfile peer, long lastSeq, long readSeq, int unread,
            Message lastMessage, boolean request, Long peerReadSeq) {
        this(id, peer, lastSeq, readSeq, unread, lastMessage, request, peerReadSeq, null);
    }

    public ConversationSummary(long id, UserProfile peer, long lastSeq, long readSeq, int unread,
            Message lastMessage, boolean request) {
        this(id, peer, lastSeq, readSeq, unread, lastMessage, request, null);
    }
}
