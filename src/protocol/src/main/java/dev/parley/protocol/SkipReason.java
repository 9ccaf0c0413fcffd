package dev.parley.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** Why a broadcast did not go to someone in its segment. */
public enum SkipReason {
    /** The sender blocked them. */
    BLOCKED,
    /** Their "who can message me" (or the sender's own) does not allow it, or they blocked the sender. */
    PRIVACY,
    /** No accepted conversation and not friends: a broadcast never goes out as a message request. */
    NOT_ACCEPTED,
    /** They replied STOP to an earlier broadcast of the sender. */
    OPTED_OUT,
    /** Over the sender's daily number of broadcast recipients. */
    DAILY_CAP;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static SkipReason fromWire(String wire) {
        return Arrays.stream(values()).filter(r -> r.wireName().equals(wire)).findFirst()
                .orElseThrow(() -> ProtocolException.badRequest("unknown skip reason " + wire));
    }
}
