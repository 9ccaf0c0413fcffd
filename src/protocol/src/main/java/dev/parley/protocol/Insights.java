package dev.parley.protocol;

import java.time.LocalDate;
import java.util.List;

/**
 * The answer to {@code insights.get}: what the caller's messaging looked like over a period, computed by the server
 * from what it stores. Only messages people wrote count (text, media, stickers, cards and polls that were not
 * unsent); system lines, reactions, pins, poll updates and unsend markers do not.
 *
 * @param days one entry per local date of the period, in order, zeros included
 * @param hours the heat map of busiest hours: 7 rows (Monday first) of 24 counts (local hour 0–23) of messages
 *     sent and received
 */
public record Insights(LocalDate from, LocalDate to, String zone, List<Day> days, Conversations conversations,
        Requests requests, Broadcasts broadcasts, List<List<Integer>> hours) {

    public Insights {
        days = List.copyOf(days);
        hours = hours.stream().map(List::copyOf).toList();
    }

    /** Messages the caller sent (in any chat) and received (from others, in chats they were in) on one date. */
    public record Day(LocalDate date, int sent, int received) {
    }

    /**
     * Direct conversations whose first message was written in the period, by whom; of those others started, how
     * many the caller answered within 24 hours, and the median time of those first answers (null when none).
     */
    public record Conversations(int startedByMe, int startedByOthers, int answeredWithinDay,
            Long medianFirstReplyMs) {
    }

    /** Message requests the caller accepted (or answered) and declined in the period. */
    public record Requests(int accepted, int declined) {
    }

    /**
     * The caller's broadcasts created in the period: how many, recipients sent to and skipped, recipients who replied
     * within 24 hours, and recipients who opted out in reply.
     */
    public record Broadcasts(int broadcasts, int sent, int skipped, int replied, int optedOut) {
    }

    public int totalSent() {
        return days.stream().mapToInt(Day::sent).sum();
    }

    public int totalReceived() {
        return days.stream().mapToInt(Day::received).sum();
    }
}
