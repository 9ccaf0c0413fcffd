package dev.parley.server.store;

import dev.parley.protocol.ScheduledMessage;

/** A scheduled message or follow-up that changed, with its author, who is told of it. */
public record ScheduleChange(long senderId, ScheduledMessage scheduled) {
}
