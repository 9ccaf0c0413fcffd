package dev.parley.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** A member's role in a group: the owner (its creator, or whom ownership passed to), an admin, or a member. */
public enum GroupRole {
    OWNER,
    ADMIN,
    MEMBER;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static GroupRole fromWire(String wire) {
        return Arrays.stream(values()).filter(r -> r.wireName().equals(wire)).findFirst()
                .orElseThrow(() -> ProtocolException.badRequest("role must be owner, admin or member"));
    }

    /** Owners and admins manage the group: members, roles, title, picture, muting, deleting messages. */
    public boolean manages() {
        return this != MEMBER;
    }

    /** Whether this role may act on a member of role {@code other} (remove, mute, change their role). */
    public boolean outranks(GroupRole other) {
        return manages() && ordinal() < other.ordinal();
    }
}
