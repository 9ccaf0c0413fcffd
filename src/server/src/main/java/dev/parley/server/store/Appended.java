package dev.parley.server.store;

import dev.parley.protocol.Message;
import java.util.List;

/**
 * The result of appending a message: the stored message, whether it was a resend of an earlier one,
 * the members to deliver it to, and the follow-ups of others that this message answered and so cancelled.
 */
public record Appended(Message message, boolean duplicate, List<Long> memberIds,
        List<ScheduleChange> cancelledFollowUps) {

    public Appended {
        cancelledFollowUps = List.copyOf(cancelledFollowUps);
    }

    public Appended(Message message, boolean duplicate, List<Long> memberIds) {
        this(message, duplicate, memberIds, List.of());
    }
}
