package dev.parley.server.store;

import dev.parley.protocol.UserProfile;
import java.time.Instant;
import java.util.List;

/** A stored account with its public profile fields. */
public record UserRecord(long id, String handle, String displayName, String passwordHash, Instant createdAt,
        String bio, List<String> tags, String avatarHash) {

    /** A new account: no bio, tags or picture yet. */
    public UserRecord(long id, String handle, String displayName, String passwordHash, Instant createdAt) {
        this(id, handle, displayName, passwordHash, createdAt, null, List.of(), null);
    }

    public UserProfile profile() {
        return new UserProfile(handle, displayName, createdAt, bio, tags, avatarHash);
    }
}
