package dev.parley.server.store;

import dev.parley.protocol.Message;
import java.util.List;

/**
 * The result of appending a message: the stored message, whether it was a resend of an earlier one,
 * the members to deliver it to, the follow-ups of others that this message answered and so cancelled, and what it
 * did to broadcasts its writer received (null if nothing).
 */
public record Appended(Message message, boolean duplicate, List<Long> memberIds,
        List<ScheduleChange> cancelledFollowUps, BroadcastReply broadcastReply) {

    public Appended {
        cancelledFollowUps = List.copyOf(cancelledFollowUps);
    }

    public Appended(Message message, boolean duplicate, List<Long> memberIds) {
        this(message, duplicate, memberIds, List.of(), null);
    }
}
