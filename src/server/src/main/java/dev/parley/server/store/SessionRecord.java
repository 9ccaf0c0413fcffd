package dev.parley.server.store;

import java.time.Instant;

/** A stored device session (its token is known only to the device). */
public record SessionRecord(long id, long userId, String device, Instant createdAt, Instant lastSeenAt) {
}
