package dev.parley.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * Where a scheduled message or follow-up stands: waiting for its time, sent (it became a message), skipped at
 * its time because it could not be delivered any more, or cancelled (by its author, or a follow-up by a reply).
 */
public enum ScheduleStatus {
    PENDING,
    SENT,
    SKIPPED,
    CANCELLED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ScheduleStatus fromWire(String wire) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(wire)).findFirst()
                .orElseThrow(() -> ProtocolException.badRequest("status must be pending, sent, skipped or cancelled"));
    }
}
