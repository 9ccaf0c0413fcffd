package dev.parley.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** "Who can send you direct messages". */
public enum DmPolicy {
    /** Anyone; a non-friend's first messages arrive as a message request. */
    EVERYONE,
    /** Only friends (people who follow each other). */
    FRIENDS,
    /** Nobody, and the user cannot send direct messages either. */
    NO_ONE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static DmPolicy fromWire(String wire) {
        return Arrays.stream(values()).filter(p -> p.wireName().equals(wire)).findFirst()
                .orElseThrow(() -> ProtocolException.badRequest("dmPolicy must be everyone, friends or no_one"));
    }
}
