package dev.parley.client.ui.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Times people pick for a scheduled message, in their own time zone: the quick suggestions ("Tomorrow 9:00",
 * "Monday morning") and the date and time they type. Pure, so that every corner of the calendar can be tested.
 */
public final class ScheduleTimes {
    static final LocalTime MORNING = LocalTime.of(9, 0);
    static final LocalTime EVENING = LocalTime.of(18, 0);
    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("H:mm");

    /** A suggestion: its message key and the moment it stands for. */
    public record Suggestion(String key, ZonedDateTime at) {
    }

    private ScheduleTimes() {
    }

    /**
     * In an hour (to the next 5 minutes); this evening at 18:00 while that is more than an hour away; tomorrow at
     * 9:00; and Monday at 9:00 unless tomorrow is Monday.
     */
    public static List<Suggestion> suggestions(ZonedDateTime now) {
        List<Suggestion> list = new ArrayList<>();
        list.add(new Suggestion("schedule.suggest.hour", roundUpToFiveMinutes(now.plusHours(1))));
        ZonedDateTime evening = at(now.toLocalDate(), EVENING, now);
        if (Duration.between(now, evening).compareTo(Duration.ofHours(1)) > 0) {
            list.add(new Suggestion("schedule.suggest.evening", evening));
        }
        LocalDate tomorrow = now.toLocalDate().plusDays(1);
        list.add(new Suggestion("schedule.suggest.tomorrow", at(tomorrow, MORNING, now)));
        LocalDate monday = now.toLocalDate().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        if (!monday.equals(tomorrow)) {
            list.add(new Suggestion("schedule.suggest.monday", at(monday, MORNING, now)));
        }
        return list;
    }

    /** "If no reply in {@code days} days": the same time of day, that many days on. */
    public static ZonedDateTime followUpAt(ZonedDateTime now, int days) {
        return now.plusDays(days).truncatedTo(ChronoUnit.MINUTES);
    }

    /** The moment a typed time ("9:30", "21:05") on {@code date} stands for, in the zone of {@code now}. */
    public static Optional<ZonedDateTime> parse(LocalDate date, String time, ZonedDateTime now) {
        if (date == null || time == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(at(date, LocalTime.parse(time.strip(), TYPED), now));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public static String format(LocalTime time) {
        return TYPED.format(time);
    }

    private static ZonedDateTime at(LocalDate date, LocalTime time, ZonedDateTime now) {
        return ZonedDateTime.of(date, time, now.getZone());
    }

    private static ZonedDateTime roundUpToFiveMinutes(ZonedDateTime time) {
        ZonedDateTime minutes = time.truncatedTo(ChronoUnit.MINUTES);
        int extra = (5 - minutes.getMinute() % 5) % 5;
        return minutes.plusMinutes(extra == 0 && !minutes.equals(time) ? 5 : extra);
    }
}
