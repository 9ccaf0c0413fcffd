package dev.parley.protocol;

import java.time.Instant;

/** A user's public profile. */
public record UserProfile(String handle, String displayName, Instant createdAt) {
}
