package dev.parley.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** The closed set of error codes a server may put in an {@code error} reply. */
public enum ErrorCode {
    BAD_REQUEST,
    UNAUTHORIZED,
    FORBIDDEN,
    PRIVACY_DENIED,
    BLOCKED,
    NOT_FOUND,
    TOO_LARGE,
    RATE_LIMITED,
    UNSUPPORTED_VERSION,
    CONFLICT,
    INTERNAL;

    /** The code as it appears on the wire, e.g. {@code rate_limited}. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name; unknown codes from a newer server read as {@link #INTERNAL}. */
    @JsonCreator
    public static ErrorCode fromWire(String wire) {
        return Arrays.stream(values())
                .filter(c -> c.wireName().equals(wire))
                .findFirst()
                .orElse(INTERNAL);
    }
}
