package dev.parley.server.store;

import dev.parley.protocol.UserProfile;
import java.time.Instant;

/** A stored account. */
public record UserRecord(long id, String handle, String displayName, String passwordHash, Instant createdAt) {
    public UserProfile profile() {
        return new UserProfile(handle, displayName, createdAt);
    }
}
