package dev.parley.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** Why someone is being reported. */
public enum ReportReason {
    /** Unwanted ads, links, or the same message over and over. */
    SPAM,
    /** Insults, threats, bullying, unwanted sexual messages. */
    HARASSMENT,
    /** Trying to get money, passwords or personal details by deceit. */
    SCAM,
    /** Pretending to be someone else: the reporter, a person they know, a brand. */
    IMPERSONATION,
    /** Anything else; the note says what. */
    OTHER;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ReportReason fromWire(String wire) {
        return Arrays.stream(values()).filter(r -> r.wireName().equals(wire)).findFirst()
                .orElseThrow(() -> ProtocolException.badRequest(
                        "reason must be spam, harassment, scam, impersonation or other"));
    }
}
