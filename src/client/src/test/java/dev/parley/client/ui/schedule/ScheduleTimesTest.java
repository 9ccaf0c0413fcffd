package dev.parley.client.ui.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** The suggested and typed times of a scheduled message, in the user's own time zone. */
class ScheduleTimesTest {
    static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

    static ZonedDateTime at(String local) {
        return java.time.LocalDateTime.parse(local).atZone(LISBON);
    }

    @Test
    void aWednesdayMorningOffersAnHourThisEveningTomorrowAndMonday() {
        var suggestions = ScheduleTimes.suggestions(at("2026-11-25T10:02:10"));

        assertThat(suggestions).extracting(ScheduleTimes.Suggestion::key).containsExactly("schedule.suggest.hour",
                "schedule.suggest.evening", "schedule.suggest.tomorrow", "schedule.suggest.monday");
        assertThat(suggestions).extracting(ScheduleTimes.Suggestion::at).containsExactly(at("2026-11-25T11:05"),
                at("2026-11-25T18:00"), at("2026-11-26T09:00"), at("2026-11-30T09:00"));
    }

    @Test
    void aSundayEveningOffersNeitherThisEveningNorMondayTwice() {
        var suggestions = ScheduleTimes.suggestions(at("2026-11-29T17:30"));

        assertThat(suggestions).extracting(ScheduleTimes.Suggestion::key)
                .containsExactly("schedule.suggest.hour", "schedule.suggest.tomorrow");
        assertThat(suggestions.get(0).at()).isEqualTo(at("2026-11-29T18:30"));
        assertThat(suggestions.get(1).at()).isEqualTo(at("2026-11-30T09:00"));
    }

    @Test
    void tomorrowMorningStaysAtNineAcrossTheClockChange() {
        // Portugal moves its clocks forward on the night of 28–29 March 2026.
        var tomorrow = ScheduleTimes.suggestions(at("2026-03-28T20:00")).stream()
                .filter(s -> s.key().equals("schedule.suggest.tomorrow")).findFirst().orElseThrow();

        assertThat(tomorrow.at().toLocalTime()).hasToString("09:00");
        assertThat(tomorrow.at().getOffset().getTotalSeconds()).isEqualTo(3_600);
    }

    @Test
    void typedTimesAreReadInTheUsersZoneAndNonsenseIsNot() {
        ZonedDateTime now = at("2026-11-25T10:00");
        LocalDate friday = LocalDate.of(2026, 11, 27);

        assertThat(ScheduleTimes.parse(friday, " 9:30 ", now)).contains(at("2026-11-27T09:30"));
        assertThat(ScheduleTimes.parse(friday, "21:05", now)).contains(at("2026-11-27T21:05"));
        assertThat(ScheduleTimes.parse(friday, "25:00", now)).isEmpty();
        assertThat(ScheduleTimes.parse(friday, "half past nine", now)).isEmpty();
        assertThat(ScheduleTimes.parse(null, "9:30", now)).isEmpty();
    }

    @Test
    void aFollowUpGoesTheSameTimeOfDayThatManyDaysOn() {
        assertThat(ScheduleTimes.followUpAt(at("2026-11-25T10:02:10"), 3)).isEqualTo(at("2026-11-28T10:02"));
    }
}
