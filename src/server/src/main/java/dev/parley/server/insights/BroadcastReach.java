package dev.parley.server.insights;

import dev.parley.server.store.BroadcastTotals;
import java.time.Instant;

/** Where insights learn how a sender's broadcasts created in [from, to) did. */
@FunctionalInterface
public interface BroadcastReach {
    BroadcastTotals between(long senderId, Instant from, Instant to);
}
