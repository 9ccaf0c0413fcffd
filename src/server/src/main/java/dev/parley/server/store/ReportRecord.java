package dev.parley.server.store;

import dev.parley.protocol.ReportReason;
import dev.parley.protocol.UserProfile;
import java.time.Instant;

/**
 * A stored report: who reported whom and why, how many messages it keeps as evidence, and what moderators
 * made of it. {@code reported} carries the display name copied when it was filed.
 */
public record ReportRecord(long id, Instant createdAt, UserProfile reporter, UserProfile reported,
        Long conversationId, ReportReason reason, String note, int messageCount, Status status, String resolution,
        Instant resolvedAt) {

    /** Open until a moderator resolves it. */
    public enum Status {
        OPEN,
        RESOLVED
    }
}
