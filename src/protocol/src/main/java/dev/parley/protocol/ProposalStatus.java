package dev.parley.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** Where a collaboration proposal stands. Only a pending proposal can change, and only once. */
public enum ProposalStatus {
    /** Waiting for the recipient's answer. */
    PENDING,
    /** The recipient accepted it. */
    ACCEPTED,
    /** The recipient declined it. */
    DECLINED,
    /** Its sender took it back before an answer. */
    WITHDRAWN;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ProposalStatus fromWire(String wire) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(wire)).findFirst()
                .orElseThrow(() -> ProtocolException.badRequest(
                        "status must be pending, accepted, declined or withdrawn"));
    }
}
