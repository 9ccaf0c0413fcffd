package dev.parley.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A user's public profile. {@code bio} and {@code avatar} (the SHA-256 hex of the stored picture) are absent
 * when the user has none; {@code tags} are their niche tags, sorted, omitted on the wire when empty.
 */
public record UserProfile(String handle, String displayName, Instant createdAt, String bio,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> tags, String avatar) {

    public UserProfile {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A profile without bio, tags or picture. */
    public UserProfile(String handle, String displayName, Instant createdAt) {
        this(handle, displayName, createdAt, null, List.of(), null);
    }
}
