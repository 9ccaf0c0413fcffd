package dev.parley.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** Where one recipient of a broadcast stands: waiting for its turn, sent, skipped (with a reason) or failed. */
public enum RecipientStatus {
    QUEUED,
    SENT,
    SKIPPED,
    FAILED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static RecipientStatus fromWire(String wire) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(wire)).findFirst()
                .orElseThrow(() -> ProtocolException.badRequest("unknown recipient status " + wire));
    }
}
