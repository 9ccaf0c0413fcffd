package dev.parley.client.ui.insights;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.parley.client.ui.ViewLoader;
import dev.parley.protocol.Insights;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes what the dashboard shows as one CSV file (RFC 4180: quoted where needed, CRLF line ends, UTF-8) in three
 * sections separated by an empty line: the summary (the period, then every tile's figure with its plain value and
 * the text shown), messages per day, and the busiest-hours grid (a row per day of the week, a column per hour).
 */
public final class InsightsCsv {
    private static final CsvMapper MAPPER = new CsvMapper();

    private InsightsCsv() {
    }

    /** The rows of the file, in order; an empty line is a row of one empty cell. */
    public static List<String[]> rows(Insights insights, List<InsightsFigures.Figure> figures) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {text("insights.csv.figure"), text("insights.csv.value"), text("insights.csv.shown")});
        rows.add(new String[] {text("insights.csv.from"), insights.from().toString(),
                InsightsViewModel.dateText(insights.from())});
        rows.add(new String[] {text("insights.csv.to"), insights.to().toString(),
                InsightsViewModel.dateText(insights.to())});
        rows.add(new String[] {text("insights.csv.zone"), insights.zone(), insights.zone()});
        for (InsightsFigures.Figure figure : figures) {
            rows.add(new String[] {figure.fullLabel(), figure.value(), figure.shown()});
        }
        rows.add(new String[] {""});
        rows.add(new String[] {text("insights.csv.date"), text("insights.chart.sent"), text("insights.chart.received")});
        for (Insights.Day day : insights.days()) {
            rows.add(new String[] {day.date().toString(), Integer.toString(day.sent()), Integer.toString(day.received())});
        }
        rows.add(new String[] {""});
        String[] hoursHeader = new String[25];
        hoursHeader[0] = text("insights.csv.day");
        for (int hour = 0; hour < 24; hour++) {
            hoursHeader[hour + 1] = String.format("%02d:00", hour);
        }
        rows.add(hoursHeader);
        for (int day = 0; day < insights.hours().size(); day++) {
            String[] row = new String[25];
            row[0] = InsightsFigures.dayName(day, true);
            for (int hour = 0; hour < 24; hour++) {
                row[hour + 1] = Integer.toString(insights.hours().get(day).get(hour));
            }
            rows.add(row);
        }
        return rows;
    }

    /** Writes the file whole or not at all: to a temporary file beside it, then moved into place. */
    public static void write(Insights insights, List<InsightsFigures.Figure> figures, Path file) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
                SequenceWriter csv = MAPPER.writerFor(String[].class)
                        .with(CsvSchema.emptySchema().withLineSeparator("\r\n")).writeValues(out)) {
            for (String[] row : rows(insights, figures)) {
                csv.write(row);
            }
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String text(String key) {
        return ViewLoader.text(key);
    }
}
