package dev.parley.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * "Show me as online / typing". Reciprocal: people who share nothing see nothing of others either.
 */
public enum PresenceVisibility {
    /** Friends see when the user is online and typing (and the user sees theirs, if they share too). */
    FRIENDS,
    /** Nobody does. */
    NOBODY;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static PresenceVisibility fromWire(String wire) {
        return Arrays.stream(values()).filter(p -> p.wireName().equals(wire)).findFirst()
                .orElseThrow(() -> ProtocolException.badRequest("presence must be friends or nobody"));
    }
}
