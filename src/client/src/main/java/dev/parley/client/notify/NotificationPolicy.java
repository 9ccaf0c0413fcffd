package dev.parley.client.notify;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether a message that just arrived makes a notification: never for the conversation the person is looking
 * at (open, in the focused window), never while muted, during Do not disturb or with notifications switched
 * off; quietly for a message request; not again for a conversation that notified in the last few seconds (a
 * burst of messages raises one notification, and the unread count tells the rest); otherwise normally.
 */
public final class NotificationPolicy {

    /** How long after a notification further messages in the same conversation stay silent. */
    public static final Duration BURST = Duration.ofSeconds(5);

    /** What happens. */
    public enum Outcome { NONE, QUIET, NORMAL }

    /**
     * The arriving message's conversation and what the app knows around it; {@code lastNotified} is when this
     * conversation last raised a notification, or null.
     */
    public record Situation(long conversationId, boolean request, Long openConversationId, boolean windowFocused,
            Instant mutedUntil, Instant doNotDisturbUntil, boolean enabled, Instant now, Instant lastNotified) {
    }

    private NotificationPolicy() {
    }

    public static Outcome decide(Situation s) {
        if (!s.enabled() || active(s.doNotDisturbUntil(), s.now()) || active(s.mutedUntil(), s.now())) {
            return Outcome.NONE;
        }
        if (s.windowFocused() && s.openConversationId() != null && s.openConversationId() == s.conversationId()) {
            return Outcome.NONE;
        }
        if (s.lastNotified() != null && s.lastNotified().plus(BURST).isAfter(s.now())) {
            return Outcome.NONE;
        }
        return s.request() ? Outcome.QUIET : Outcome.NORMAL;
    }

    private static boolean active(Instant until, Instant now) {
        return until != null && until.isAfter(now);
    }
}
