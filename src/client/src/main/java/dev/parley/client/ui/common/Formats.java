package dev.parley.client.ui.common;

import dev.parley.client.ui.ViewLoader;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Locale;

/** Dates and times as the user's locale writes them. */
public final class Formats {
    private final Clock clock;
    private final Locale locale;
    private final ZoneId zone;

    public Formats(Clock clock, Locale locale) {
        this.clock = clock;
        this.locale = locale;
        this.zone = clock.getZone();
    }

    public static Formats system() {
        return new Formats(Clock.systemDefaultZone(), Locale.getDefault());
    }

    /** Time of day, e.g. {@code 14:05} or {@code 2:05 PM}. */
    public String time(Instant instant) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).withZone(zone).format(instant);
    }

    /** For the conversation list: time today, "Yesterday", weekday within a week, else a short date. */
    public String relative(Instant instant) {
        if (instant == null || instant.equals(Instant.EPOCH)) {
            return "";
        }
        LocalDate day = day(instant);
        LocalDate today = LocalDate.now(clock);
        if (day.equals(today)) {
            return time(instant);
        }
        if (day.equals(today.minusDays(1))) {
            return ViewLoader.text("time.yesterday");
        }
        if (day.isAfter(today.minusDays(7))) {
            return day.getDayOfWeek().getDisplayName(TextStyle.SHORT, locale);
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(locale).format(day);
    }

    /** For day separators in a chat: "Today", "Yesterday", a weekday, or a full date. */
    public String dayLabel(LocalDate day) {
        LocalDate today = LocalDate.now(clock);
        if (day.equals(today)) {
            return ViewLoader.text("time.today");
        }
        if (day.equals(today.minusDays(1))) {
            return ViewLoader.text("time.yesterday");
        }
        if (day.isAfter(today.minusDays(7))) {
            return day.getDayOfWeek().getDisplayName(TextStyle.FULL, locale);
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(day);
    }

    /** A date with a time, e.g. {@code Nov 25, 2026, 9:41 AM}. */
    public String dateTime(Instant instant) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .withZone(zone).format(instant);
    }

    /** For times to come: "Today 18:00", "Tomorrow 9:00", a weekday within a week, else a date with time. */
    public String upcoming(Instant instant) {
        LocalDate day = day(instant);
        LocalDate today = LocalDate.now(clock);
        if (day.equals(today)) {
            return ViewLoader.text("time.todayAt", time(instant));
        }
        if (day.equals(today.plusDays(1))) {
            return ViewLoader.text("time.tomorrowAt", time(instant));
        }
        if (day.isBefore(today.plusDays(7)) && day.isAfter(today)) {
            return ViewLoader.text("time.dayAt", day.getDayOfWeek().getDisplayName(TextStyle.FULL, locale),
                    time(instant));
        }
        return dateTime(instant);
    }

    /** Now, in the user's time zone. */
    public java.time.ZonedDateTime now() {
        return java.time.ZonedDateTime.now(clock);
    }

    public LocalDate day(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    public String number(long value) {
        return java.text.NumberFormat.getIntegerInstance(locale).format(value);
    }

    /** A file size as people read it, e.g. {@code 410 KB} or {@code 2.3 MB} (decimal units, like file managers). */
    public String fileSize(long bytes) {
        if (bytes < 1_000) {
            return ViewLoader.text("size.bytes", number(bytes));
        }
        if (bytes < 1_000_000) {
            return ViewLoader.text("size.kb", number(Math.round(bytes / 1_000.0)));
        }
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(1);
        return ViewLoader.text("size.mb", format.format(bytes / 1_000_000.0));
    }
}
