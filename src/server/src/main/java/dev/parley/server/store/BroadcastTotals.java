package dev.parley.server.store;

/**
 * A sender's broadcasts created in a period, summed: how many broadcasts, recipients sent and skipped, recipients
 * who replied within 24 hours, and opt-outs made in reply to them.
 */
public record BroadcastTotals(int broadcasts, int sent, int skipped, int replied, int optedOut) {
    public static final BroadcastTotals NONE = new BroadcastTotals(0, 0, 0, 0, 0);
}
