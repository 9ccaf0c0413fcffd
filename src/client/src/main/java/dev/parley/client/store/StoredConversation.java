package dev.parley.client.store;

import java.time.Instant;
import java.util.List;

/**
 * A conversation as the local cache holds it, with what the inbox shows of its last message ({@code lastUnsent}
 * when that message was unsent) and how far the other person has read ({@code peerReadSeq}, null unless both
 * share read receipts), the SHA-256 of their picture ({@code peerAvatar}, null for initials) and how many
 * photos and videos the last message carries ({@code lastMedia}) and how many of those are videos
 * ({@code lastVideos}). A group has {@code group} (else null), its title as {@code peerName}, its picture as
 * {@code peerAvatar} and an empty {@code peerHandle}. {@code pinned} are the seqs of its pinned messages, oldest pin
 * first. {@code lastSticker}: the last message is a sticker (then {@code lastText} is its emoji, or empty).
 */
public record StoredConversation(long id, String peerHandle, String peerName, long lastSeq, long readSeq,
        int unread, String lastText, String lastSender, Instant lastAt, boolean request, boolean lastUnsent,
        Long peerReadSeq, String peerAvatar, int lastMedia, int lastVideos, StoredGroup group, List<Long> pinned,
        boolean lastSticker) {

    public StoredConversation {
        pinned = pinned == null ? List.of() : List.copyOf(pinned);
    }

    /** A conversation whose last message is no sticker. */
    public StoredConversation(long id, String peerHandle, String peerName, long lastSeq, long readSeq,
            int unread, String lastText, String lastSender, Instant lastAt, boolean request, boolean lastUnsent,
            Long peerReadSeq, String peerAvatar, int lastMedia, int lastVideos, StoredGroup group, List<Long> pinned) {
        this(id, peerHandle, peerName, lastSeq, readSeq, unread, lastText, lastSender, lastAt, request, lastUnsent,
                peerReadSeq, peerAvatar, lastMedia, lastVideos, group, pinned, false);
    }

    public StoredConversation(long id, String peerHandle, String peerName, long lastSeq, long readSeq,
            int unread, String lastText, String lastSender, Instant lastAt, boolean request, boolean lastUnsent,
            Long peerReadSeq, String peerAvatar, int lastMedia) {
        this(id, peerHandle, peerName, lastSeq, readSeq, unread, lastText, lastSender, lastAt, request, lastUnsent,
                peerReadSeq, peerAvatar, lastMedia, 0, null, List.of());
    }
}
