package dev.parley.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * What a system line in a group says happened. The line's sender did it; {@link GroupChange#members()} names
 * whom it happened to.
 */
public enum GroupAction {
    /** The sender created the group ({@code title}) with {@code members}. */
    CREATED,
    /** The sender added {@code members}. */
    ADDED,
    /** The sender removed {@code members}. */
    REMOVED,
    /** The sender left the group. */
    LEFT,
    /** The sender made {@code members} admins. */
    PROMOTED,
    /** The sender made {@code members} plain members again. */
    DEMOTED,
    /** Ownership passed to {@code members} (the one new owner) because the sender, the owner, left. */
    OWNER,
    /** The sender renamed the group to {@code title}. */
    RENAMED,
    /** The sender changed the group's description and rules to {@code description} (absent: removed them). */
    DESCRIBED,
    /** The sender changed or removed the group's picture. */
    PICTURE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static GroupAction fromWire(String wire) {
        return Arrays.stream(values()).filter(a -> a.wireName().equals(wire)).findFirst()
                .orElseThrow(() -> ProtocolException.badRequest("unknown group action"));
    }
}
