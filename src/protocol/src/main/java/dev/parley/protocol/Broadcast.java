package dev.parley.protocol;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One broadcast and its results so far: how many recipients are queued, sent, skipped (by {@link SkipReason} wire
 * name in {@code skippedBy}), failed, replied within 24 hours of theirs, and opted out in reply.
 */
public record Broadcast(long id, UUID clientId, String segment, BroadcastContent content, Instant createdAt,
        int queued, int sent, int skipped, int failed, int replied, int optedOut, Map<String, Integer> skippedBy) {
    public Broadcast {
        skippedBy = skippedBy == null ? Map.of() : Map.copyOf(skippedBy);
    }

    /** Everyone the segment held when it was sent. */
    public int recipients() {
        return queued + sent + skipped + failed;
    }
}
