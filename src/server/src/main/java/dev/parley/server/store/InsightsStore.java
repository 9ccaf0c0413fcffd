package dev.parley.server.store;

import java.time.Instant;
import java.util.List;

/**
 * The raw counts behind a person's insights, read from stored messages and request decisions. Only messages people
 * wrote count (kinds {@code text} and {@code poll}, not unsent); conversations with oneself never count.
 */
public interface InsightsStore {

    /** Length of the buckets {@link #messageCounts} groups by: every time zone in use is a whole number of them. */
    long BUCKET_MILLIS = 15 * 60 * 1000L;

    /**
     * The user's messages in [from, to) per quarter hour: those they sent (in any conversation) and those others
     * sent in conversations while the user was in them.
     */
    List<Bucket> messageCounts(long userId, Instant from, Instant to);

    /**
     * The user's direct conversations whose first message was written in [from, to): who wrote it, when, and when
     * the user first wrote there (null if never).
     */
    List<Start> conversationsStarted(long userId, Instant from, Instant to);

    /** Message requests addressed to the user that they accepted (or answered) and declined in [from, to). */
    Decisions requestDecisions(long userId, Instant from, Instant to);

    /** Messages sent and received in the quarter hour starting at {@code start}. */
    record Bucket(Instant start, int sent, int received) {
    }

    /** A conversation's first message and the user's first message in it. */
    record Start(long conversationId, boolean byMe, Instant at, Instant firstReplyAt) {
    }

    record Decisions(int accepted, int declined) {
    }
}
