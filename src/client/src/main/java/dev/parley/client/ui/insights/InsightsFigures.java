package dev.parley.client.ui.insights;

import dev.parley.client.ui.ViewLoader;
import dev.parley.protocol.Insights;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of the dashboard's tiles, built once from the server's answer so that the tiles and the CSV export
 * show the same ones: each has a value for machines (plain numbers, no locale) and the text a person sees.
 */
public final class InsightsFigures {
    private InsightsFigures() {
    }

    /**
     * One tile, in a {@code section} (messages, conversations, requests, broadcasts): {@code value} is what a
     * spreadsheet gets (an integer, a ratio, seconds, or empty when there is nothing to measure), {@code shown} the
     * formatted text, {@code detail} a line under it (may be empty).
     */
    public record Figure(String section, String id, String label, String value, String shown, String detail) {

        /** The section's title and the label, e.g. "Messages: Sent", where the tile's box does not say it. */
        public String fullLabel() {
            return ViewLoader.text("insights.csv.figureName", ViewLoader.text("insights.section." + section), label);
        }
    }

    /** The tiles, in the order the dashboard shows them. */
    public static List<Figure> of(Insights insights) {
        Insights.Conversations conversations = insights.conversations();
        Insights.Broadcasts broadcasts = insights.broadcasts();
        List<Figure> figures = new ArrayList<>();
        figures.add(count("messages", "sent", insights.totalSent(), ""));
        figures.add(count("messages", "received", insights.totalReceived(), ""));
        figures.add(count("conversations", "newByMe", conversations.startedByMe(), ""));
        figures.add(count("conversations", "newByOthers", conversations.startedByOthers(), ""));
        String rateDetail = ViewLoader.text("insights.responseRate.detail", conversations.answeredWithinDay(),
                conversations.startedByOthers());
        figures.add(conversations.startedByOthers() == 0
                ? none("conversations", "responseRate", rateDetail)
                : new Figure("conversations", "responseRate", ViewLoader.text("insights.responseRate"),
                        ratio(conversations.answeredWithinDay(), conversations.startedByOthers()),
                        NumberFormat.getPercentInstance().format(
                                (double) conversations.answeredWithinDay() / conversations.startedByOthers()),
                        rateDetail));
        Long median = conversations.medianFirstReplyMs();
        figures.add(median == null
                ? none("conversations", "medianReply", ViewLoader.text("insights.medianReply.detail"))
                : new Figure("conversations", "medianReply", ViewLoader.text("insights.medianReply"),
                        BigDecimal.valueOf(median, 3).stripTrailingZeros().toPlainString(),
                        duration(Duration.ofMillis(median)), ViewLoader.text("insights.medianReply.detail")));
        figures.add(count("requests", "accepted", insights.requests().accepted(), ""));
        figures.add(count("requests", "declined", insights.requests().declined(), ""));
        figures.add(count("broadcasts", "reach", broadcasts.sent(), ViewLoader.text("insights.reach.detail",
                broadcasts.broadcasts(), broadcasts.skipped())));
        figures.add(count("broadcasts", "replies", broadcasts.replied(), ViewLoader.text("insights.replies.detail")));
        figures.add(count("broadcasts", "optOuts", broadcasts.optedOut(), ""));
        return List.copyOf(figures);
    }

    /** A time to answer as people say it: "40 s", "45 min", "1 h 38 min" (to the nearest unit shown). */
    public static String duration(Duration duration) {
        long seconds = Math.round(duration.toMillis() / 1000.0);
        if (seconds < 60) {
            return ViewLoader.text("insights.duration.seconds", seconds);
        }
        long minutes = Math.round(seconds / 60.0);
        if (minutes < 60) {
            return ViewLoader.text("insights.duration.minutes", minutes);
        }
        return ViewLoader.text("insights.duration.hours", minutes / 60, minutes % 60);
    }

    /** A day of the week in the person's language, e.g. "Monday" ({@code full}) or "Mon". */
    public static String dayName(int mondayFirstIndex, boolean full) {
        return DayOfWeek.of(mondayFirstIndex + 1).getDisplayName(full ? TextStyle.FULL : TextStyle.SHORT,
                Locale.getDefault());
    }

    private static Figure count(String section, String id, int count, String detail) {
        return new Figure(section, id, ViewLoader.text("insights." + id), Integer.toString(count),
                NumberFormat.getIntegerInstance().format(count), detail);
    }

    private static Figure none(String section, String id, String detail) {
        return new Figure(section, id, ViewLoader.text("insights." + id), "", ViewLoader.text("insights.none"), detail);
    }

    /** {@code part / whole} as a plain decimal of at most four places, e.g. "0.5". */
    private static String ratio(int part, int whole) {
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }
}
