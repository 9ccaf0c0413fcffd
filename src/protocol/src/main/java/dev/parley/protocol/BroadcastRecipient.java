package dev.parley.protocol;

/**
 * One person a broadcast was meant for, as its sender sees them: {@code reason} is a {@link SkipReason} wire name
 * when skipped, a sentence when failed; {@code replied} within 24 hours; {@code optedOut} by replying STOP.
 */
public record BroadcastRecipient(String handle, String displayName, RecipientStatus status, String reason,
        boolean replied, boolean optedOut) {
}
