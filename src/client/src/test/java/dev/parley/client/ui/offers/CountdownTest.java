package dev.parley.client.ui.offers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The words of an offer's countdown, rounded down so they never promise more time than is left. */
class CountdownTest {
    static final Instant END = Instant.parse("2026-12-01T18:00:00Z");

    static String left(Duration before) {
        return Countdown.text(END, END.minus(before));
    }

    @Test
    void readsInDaysAndHoursFromTwoDaysOnThenHoursMinutesAndSeconds() {
        assertThat(left(Duration.ofDays(3).plusHours(5).plusMinutes(59))).isEqualTo("Ends in 3 d 5 h");
        assertThat(left(Duration.ofDays(2))).isEqualTo("Ends in 2 d");
        assertThat(left(Duration.ofHours(26).plusMinutes(14))).isEqualTo("Ends in 26 h 14 min");
        assertThat(left(Duration.ofHours(2).plusMinutes(14).plusSeconds(59))).isEqualTo("Ends in 2 h 14 min");
        assertThat(left(Duration.ofHours(2))).isEqualTo("Ends in 2 h");
        assertThat(left(Duration.ofMinutes(9).plusSeconds(30))).isEqualTo("Ends in 9 min");
        assertThat(left(Duration.ofSeconds(45))).isEqualTo("Ends in 45 s");
        assertThat(left(Duration.ofMillis(300))).isEqualTo("Ends in 1 s");
    }

    @Test
    void isExpiredFromTheEndOn() {
        assertThat(Countdown.expired(END, END.minusMillis(1))).isFalse();
        assertThat(Countdown.expired(END, END)).isTrue();
        assertThat(left(Duration.ZERO)).isEqualTo("Expired");
        assertThat(Countdown.text(END, END.plus(Duration.ofDays(3)))).isEqualTo("Expired");
    }
}
