package dev.parley.server.social;

import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.ProtocolException;
import dev.parley.server.auth.RateLimiter;
import java.time.Clock;
import java.time.Duration;

/**
 * Per-account token buckets against floods and spam: messages sent, conversations started with people who
 * are not friends, follows, reports (so reports cannot be used to flood moderators) and profile edits. Exceeding one is a
 * typed {@code rate_limited} with {@code retryAfterMs}.
 */
public final class AccountLimits {

    /** A bucket: {@code burst} actions at once, then one more every {@code refill}. */
    public record Rate(int burst, Duration refill) {
    }

    /** The rates; {@link #DEFAULT} for production. */
    public record Rates(Rate messages, Rate newConversations, Rate follows, Rate reports, Rate profileEdits) {
        public static final Rates DEFAULT = new Rates(new Rate(60, Duration.ofMillis(500)),
                new Rate(20, Duration.ofMinutes(3)), new Rate(50, Duration.ofSeconds(30)),
                new Rate(10, Duration.ofMinutes(6)), new Rate(10, Duration.ofSeconds(30)));
        /** For trusted bulk work such as seeding demo history and load tests. */
        public static final Rates GENEROUS = new Rates(new Rate(100_000, Duration.ofMillis(1)),
                new Rate(10_000, Duration.ofMillis(1)), new Rate(10_000, Duration.ofMillis(1)),
                new Rate(10_000, Duration.ofMillis(1)), new Rate(10_000, Duration.ofMillis(1)));

        /** The same rates with another message rate (tests of what a sender sees when slowed down). */
        public Rates withMessages(Rate rate) {
            return new Rates(rate, newConversations, follows, reports, profileEdits);
        }

        /** The same rates with another rate for starting conversations with people who are not friends. */
        public Rates withNewConversations(Rate rate) {
            return new Rates(messages, rate, follows, reports, profileEdits);
        }
    }

    private final RateLimiter messages;
    private final RateLimiter newConversations;
    private final RateLimiter follows;
    private final RateLimiter reports;
    private final RateLimiter profileEdits;

    public AccountLimits(Rates rates, Clock clock) {
        this.messages = limiter(rates.messages(), clock);
        this.newConversations = limiter(rates.newConversations(), clock);
        this.follows = limiter(rates.follows(), clock);
        this.reports = limiter(rates.reports(), clock);
        this.profileEdits = limiter(rates.profileEdits(), clock);
    }

    private static RateLimiter limiter(Rate rate, Clock clock) {
        return new RateLimiter(rate.burst(), rate.refill(), clock);
    }

    public void message(long userId) {
        take(messages, userId, "you are sending messages too fast; wait a moment");
    }

    public void newConversation(long userId) {
        take(newConversations, userId, "you are starting conversations with new people too fast; try again later");
    }

    public void follow(long userId) {
        take(follows, userId, "you are following people too fast; try again later");
    }

    public void report(long userId) {
        take(reports, userId, "you are sending reports too fast; try again later");
    }

    public void profileEdit(long userId) {
        take(profileEdits, userId, "you are changing your profile too fast; try again later");
    }

    /** Quick replies and contact fields share the profile's budget: both are edits a person makes by hand. */
    public void settingsEdit(long userId) {
        take(profileEdits, userId, "you are saving changes too fast; try again later");
    }

    private static void take(RateLimiter limiter, long userId, String message) {
        long wait = limiter.tryAcquire(Long.toString(userId));
        if (wait > 0) {
            throw new ProtocolException(ErrorCode.RATE_LIMITED, message, wait);
        }
    }
}
