package dev.parley.protocol;

import java.time.Instant;

/** One device session of the caller; {@code current} marks the session making the request. */
public record SessionInfo(long id, String device, Instant createdAt, Instant lastSeenAt, boolean current) {
}
