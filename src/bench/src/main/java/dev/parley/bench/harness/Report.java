package dev.parley.bench.harness;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One scenario's figures: each row a measured quantity for Parley, the bare relay's figure for the same
 * quantity where there is one, their ratio, and the target. Printed as a table and written as JSON.
 */
public final class Report {
    /** A measured quantity. {@code relay} and {@code target} may be null; {@code met} is null without a target. */
    public record Row(String name, String unit, Double parley, Double relay, Double ratio, String target,
                      Boolean met) {
    }

    private final String scenario;
    private final String command;
    private final Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public Report(String scenario, String command) {
        this.scenario = scenario;
        this.command = command;
    }

    public Report parameter(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    /** A figure without a relay counterpart. */
    public Report row(String name, String unit, double parley, String target, Boolean met) {
        rows.add(new Row(name, unit, parley, null, null, target, met));
        return this;
    }

    /** A figure with the relay's, and their ratio parley / relay. */
    public Report row(String name, String unit, double parley, double relay, String target, Boolean met) {
        Double ratio = relay != 0 ? parley / relay : null;
        rows.add(new Row(name, unit, parley, relay, ratio, target, met));
        return this;
    }

    public Report note(String text) {
        notes.add(text);
        return this;
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /** The table a person reads. */
    public void print(PrintStream out) {
        out.printf("%n== %s  (%s)%n", scenario, started);
        parameters.forEach((k, v) -> out.printf("   %s = %s%n", k, v));
        out.printf("%-44s %14s %14s %8s  %-22s %s%n", "figure", "parley", "bare relay", "ratio", "target", "met");
        for (Row r : rows) {
            out.printf("%-44s %14s %14s %8s  %-22s %s%n", r.name() + " (" + r.unit() + ")", format(r.parley()),
                    format(r.relay()), r.ratio() == null ? "" : String.format(Locale.ROOT, "%.2f×", r.ratio()),
                    r.target() == null ? "" : r.target(), r.met() == null ? "" : r.met() ? "yes" : "NO");
        }
        for (String n : notes) {
            out.println("   note: " + n);
        }
    }

    /** Writes the report as JSON to {@code file} (directories created). */
    public void write(Path file) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("scenario", scenario);
        json.put("command", command);
        json.put("started", started.toString());
        json.put("machine", Machine.describe());
        json.put("parameters", parameters);
        json.put("rows", rows);
        json.put("notes", notes);
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String format(Double v) {
        if (v == null) {
            return "";
        }
        if (Math.abs(v) >= 1000 || v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
