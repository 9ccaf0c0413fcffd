package dev.parley.client.ui.offers;

import dev.parley.client.ui.ViewLoader;
import java.time.Duration;
import java.time.Instant;

/**
 * How long an offer has left, in words a person reads at a glance: "Ends in 3 d 5 h", "Ends in 26 h 14 min",
 * "Ends in 9 min", "Ends in 45 s", then "Expired". Rounded down, so it never promises more time than there is.
 */
public final class Countdown {
    private Countdown() {
    }

    /** True once the offer has ended at {@code now}. */
    public static boolean expired(Instant end, Instant now) {
        return !now.isBefore(end);
    }

    public static String text(Instant end, Instant now) {
        if (expired(end, now)) {
            return ViewLoader.text("offer.expired");
        }
        Duration left = Duration.between(now, end);
        long days = left.toDays();
        long hours = left.toHoursPart();
        long minutes = left.toMinutesPart();
        if (days < 2) {
            // Within two days, hours read better than "1 d 3 h".
            hours = left.toHours();
            days = 0;
        }
        if (days > 0) {
            return hours == 0 ? ViewLoader.text("offer.endsIn.days", days)
                    : ViewLoader.text("offer.endsIn.daysHours", days, hours);
        }
        if (hours > 0) {
            return minutes == 0 ? ViewLoader.text("offer.endsIn.hours", hours)
                    : ViewLoader.text("offer.endsIn.hoursMinutes", hours, minutes);
        }
        if (minutes > 0) {
            return ViewLoader.text("offer.endsIn.minutes", minutes);
        }
        return ViewLoader.text("offer.endsIn.seconds", Math.max(1, left.toSecondsPart()));
    }
}
