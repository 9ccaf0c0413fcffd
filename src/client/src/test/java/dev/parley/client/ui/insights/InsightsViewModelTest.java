package dev.parley.client.ui.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.parley.protocol.Insights;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's periods, its tiles built from the server's answer, and a CSV export that holds exactly those. */
class InsightsViewModelTest {
    static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");
    static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-08T15:00:00Z"), LISBON);
    static final LocalDate MONDAY = LocalDate.parse("2026-11-02");

    @TempDir
    Path dir;
    private Locale locale;
    /** Each period the model asked for, and the answer the test gives back. */
    final List<LocalDate[]> asked = new CopyOnWriteArrayList<>();
    final List<CompletableFuture<Insights>> answers = new CopyOnWriteArrayList<>();

    @BeforeEach
    void english() {
        locale = Locale.getDefault();
        Locale.setDefault(Locale.UK);
    }

    @AfterEach
    void restore() {
        Locale.setDefault(locale);
    }

    InsightsViewModel model() {
        return new InsightsViewModel((from, to, zone) -> {
            assertThat(zone).isEqualTo(LISBON);
            asked.add(new LocalDate[] {from, to});
            CompletableFuture<Insights> answer = new CompletableFuture<>();
            answers.add(answer);
            return answer;
        }, Runnable::run, Runnable::run, TODAY);
    }

    /** A week with known figures: the same numbers as the server's seeded week in its own test. */
    static Insights week() {
        List<Insights.Day> days = new ArrayList<>();
        int[][] perDay = {{1, 1}, {2, 1}, {0, 1}, {1, 2}, {1, 1}, {1, 2}, {1, 0}};
        for (int i = 0; i < 7; i++) {
            days.add(new Insights.Day(MONDAY.plusDays(i), perDay[i][0], perDay[i][1]));
        }
        List<List<Integer>> hours = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            List<Integer> row = new ArrayList<>(Collections.nCopies(24, 0));
            hours.add(row);
        }
        hours.get(0).set(9, 2);
        hours.get(5).set(11, 3);
        return new Insights(MONDAY, MONDAY.plusDays(6), "Europe/Lisbon", days,
                new Insights.Conversations(1, 4, 2, 5_850_000L), new Insights.Requests(2, 1),
                new Insights.Broadcasts(2, 40, 3, 7, 1), hours);
    }

    @Test
    void theLastSevenDaysEndTodayInThePersonsZoneAndOtherPeriodsReload() {
        InsightsViewModel model = model();
        model.load();
        model.periodProperty().set(InsightsViewModel.Period.QUARTER);
        model.periodProperty().set(InsightsViewModel.Period.CUSTOM);
        model.customFromProperty().set(LocalDate.parse("2026-01-01"));

        assertThat(asked).extracting(period -> period[0] + ".." + period[1]).containsExactly(
                "2026-11-02..2026-11-08", "2026-08-11..2026-11-08", "2026-10-10..2026-11-08",
                "2026-01-01..2026-11-08");
        assertThat(model.loadingProperty().get()).isTrue();
    }

    @Test
    void aPeriodThatCannotBeAskedForSaysWhyAndAsksNothing() {
        InsightsViewModel model = model();
        model.periodProperty().set(InsightsViewModel.Period.CUSTOM);
        asked.clear();

        model.customFromProperty().set(LocalDate.parse("2026-11-09"));
        assertThat(model.problemProperty().get()).isEqualTo("Choose a start date that is not after the end date.");
        model.customFromProperty().set(LocalDate.parse("2025-11-07"));
        assertThat(model.problemProperty().get()).isEqualTo("Choose a period of at most 366 days.");

        assertThat(asked).isEmpty();
        assertThat(model.loadingProperty().get()).isFalse();
    }

    @Test
    void tilesShowTheServersFigures() {
        InsightsViewModel model = model();
        model.load();
        answers.get(0).complete(week());

        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.figures()).extracting(InsightsFigures.Figure::id, InsightsFigures.Figure::value,
                InsightsFigures.Figure::shown).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("sent", "7", "7"),
                        org.assertj.core.groups.Tuple.tuple("received", "8", "8"),
                        org.assertj.core.groups.Tuple.tuple("newByMe", "1", "1"),
                        org.assertj.core.groups.Tuple.tuple("newByOthers", "4", "4"),
                        org.assertj.core.groups.Tuple.tuple("responseRate", "0.5", "50%"),
                        org.assertj.core.groups.Tuple.tuple("medianReply", "5850", "1 h 38 min"),
                        org.assertj.core.groups.Tuple.tuple("accepted", "2", "2"),
                        org.assertj.core.groups.Tuple.tuple("declined", "1", "1"),
                        org.assertj.core.groups.Tuple.tuple("reach", "40", "40"),
                        org.assertj.core.groups.Tuple.tuple("replies", "7", "7"),
                        org.assertj.core.groups.Tuple.tuple("optOuts", "1", "1"));
        assertThat(model.figures().get(4).detail()).isEqualTo("2 of 4 answered within 24 h");
        assertThat(model.figures().get(8).detail()).isEqualTo("2 broadcasts, 3 skipped");
    }

    @Test
    void withNobodyToAnswerThereIsNoRateAndNoMedian() {
        InsightsViewModel model = model();
        model.load();
        Insights quiet = new Insights(MONDAY, MONDAY, "Europe/Lisbon", List.of(new Insights.Day(MONDAY, 0, 0)),
                new Insights.Conversations(0, 0, 0, null), new Insights.Requests(0, 0),
                new Insights.Broadcasts(0, 0, 0, 0, 0), Collections.nCopies(7, Collections.nCopies(24, 0)));
        answers.get(0).complete(quiet);

        assertThat(model.figures()).filteredOn(f -> f.id().equals("responseRate") || f.id().equals("medianReply"))
                .extracting(InsightsFigures.Figure::value, InsightsFigures.Figure::shown)
                .containsOnly(org.assertj.core.groups.Tuple.tuple("", "—"));
    }

    @Test
    void anAnswerForAPeriodNoLongerChosenIsDropped() {
        InsightsViewModel model = model();
        model.load();
        model.periodProperty().set(InsightsViewModel.Period.MONTH);
        answers.get(0).complete(week());

        assertThat(model.insightsProperty().get()).isNull();
        assertThat(model.loadingProperty().get()).isTrue();
    }

    @Test
    void csvExportHoldsExactlyTheFiguresTheDashboardShows() throws Exception {
        InsightsViewModel model = model();
        model.load();
        Insights week = week();
        answers.get(0).complete(week);
        Path file = dir.resolve(model.suggestedFileName());

        model.export(file).join();

        assertThat(file.getFileName().toString()).isEqualTo("Parley insights 2026-11-02 to 2026-11-08.csv");
        assertThat(model.exportStatusProperty().get()).isEqualTo("Saved as " + file.getFileName());
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains("\r\n");
        List<List<String>> rows = parse(file);
        int blank = rows.indexOf(List.of(""));
        int secondBlank = rows.subList(blank + 1, rows.size()).indexOf(List.of("")) + blank + 1;
        // Summary: the period, then one row per tile with its plain value and the text shown.
        List<List<String>> summary = rows.subList(0, blank);
        assertThat(summary.get(0)).containsExactly("Figure", "Value", "As shown");
        assertThat(summary.subList(1, 4)).containsExactly(List.of("Period from", "2026-11-02", "2 Nov 2026"),
                List.of("Period to", "2026-11-08", "8 Nov 2026"), List.of("Time zone", "Europe/Lisbon", "Europe/Lisbon"));
        assertThat(summary.subList(4, summary.size())).containsExactlyElementsOf(model.figures().stream()
                .map(f -> List.of(f.fullLabel(), f.value(), f.shown())).toList());
        assertThat(summary.get(8)).containsExactly("New conversations: Response rate", "0.5", "50%");
        // Per day: every day of the reply.
        List<List<String>> perDay = rows.subList(blank + 1, secondBlank);
        assertThat(perDay.get(0)).containsExactly("Date", "Sent", "Received");
        assertThat(perDay.subList(1, perDay.size())).containsExactlyElementsOf(week.days().stream()
                .map(d -> List.of(d.date().toString(), Integer.toString(d.sent()), Integer.toString(d.received())))
                .toList());
        // Busiest hours: a row per weekday, a column per hour, as in the reply.
        List<List<String>> hours = rows.subList(secondBlank + 1, rows.size());
        assertThat(hours.get(0)).hasSize(25).startsWith("Day", "00:00", "01:00").endsWith("23:00");
        assertThat(hours).hasSize(8);
        for (int day = 0; day < 7; day++) {
            assertThat(hours.get(day + 1).get(0)).isEqualTo(InsightsFigures.dayName(day, true));
            assertThat(hours.get(day + 1).subList(1, 25).stream().map(Integer::valueOf).toList())
                    .isEqualTo(week.hours().get(day));
        }
        assertThat(hours.get(1).get(0)).isEqualTo("Monday");
    }

    /** Reads the file back with the CSV library, one list of cells per line. */
    static List<List<String>> parse(Path file) throws Exception {
        CsvMapper mapper = new CsvMapper();
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<String[]> lines = mapper.readerFor(String[].class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(file.toFile())) {
            while (lines.hasNext()) {
                rows.add(List.of(lines.next()));
            }
        }
        return rows;
    }
}
