package dev.parley.client.ui.insights;

import dev.parley.client.ui.ViewLoader;
import dev.parley.protocol.Insights;
import dev.parley.protocol.Limits;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The insights dashboard: the chosen period (the last 7, 30 or 90 days up to today, or two dates), the server's
 * answer for it and the tiles built from that answer, and the CSV export of exactly those. Loading runs off the FX
 * thread; properties change on the fx executor only, and an answer for a period no longer chosen is dropped.
 */
public final class InsightsViewModel {
    private static final Logger log = LoggerFactory.getLogger(InsightsViewModel.class);

    /** Where the figures come from (the server, through the session). */
    @FunctionalInterface
    public interface Source {
        CompletableFuture<Insights> load(LocalDate from, LocalDate to, ZoneId zone);
    }

    /** The periods offered; the fixed ones end today. */
    public enum Period {
        WEEK(7), MONTH(30), QUARTER(90), CUSTOM(0);

        private final int days;

        Period(int days) {
            this.days = days;
        }

        public String label() {
            return ViewLoader.text("insights.period." + name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    private final Source source;
    private final Executor fx;
    private final Executor background;
    private final Clock clock;
    private final ObjectProperty<Period> period = new SimpleObjectProperty<>(this, "period", Period.WEEK);
    private final ObjectProperty<LocalDate> customFrom = new SimpleObjectProperty<>(this, "customFrom");
    private final ObjectProperty<LocalDate> customTo = new SimpleObjectProperty<>(this, "customTo");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper range = new ReadOnlyStringWrapper(this, "range", "");
    private final ReadOnlyStringWrapper exportStatus = new ReadOnlyStringWrapper(this, "exportStatus", "");
    private final ReadOnlyObjectWrapper<Insights> insights = new ReadOnlyObjectWrapper<>(this, "insights");
    private final ObservableList<InsightsFigures.Figure> figures = FXCollections.observableArrayList();
    private final ObservableList<InsightsFigures.Figure> shownFigures = FXCollections.unmodifiableObservableList(figures);
    private long generation;

    /**
     * {@code clock} gives today and the time zone the figures are counted in; {@code background} writes exports.
     * Call {@link #load()} (on the FX thread) to read the first period; later changes of period reload by
     * themselves.
     */
    public InsightsViewModel(Source source, Executor fx, Executor background, Clock clock) {
        this.source = source;
        this.fx = fx;
        this.background = background;
        this.clock = clock;
        LocalDate today = LocalDate.now(clock);
        customFrom.set(today.minusDays(Period.MONTH.days - 1));
        customTo.set(today);
        period.addListener((obs, was, now) -> load());
        customFrom.addListener((obs, was, now) -> reloadIfCustom());
        customTo.addListener((obs, was, now) -> reloadIfCustom());
    }

    /** Reads the chosen period from the server; a period that can't be asked for says why instead. */
    public void load() {
        long asked = ++generation;
        LocalDate to = period.get() == Period.CUSTOM ? customTo.get() : LocalDate.now(clock);
        LocalDate from = period.get() == Period.CUSTOM ? customFrom.get() : to.minusDays(period.get().days - 1);
        if (from == null || to == null || from.isAfter(to)) {
            fail(ViewLoader.text("insights.badPeriod.order"));
            return;
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > Limits.MAX_INSIGHTS_DAYS) {
            fail(ViewLoader.text("insights.badPeriod.long", Limits.MAX_INSIGHTS_DAYS));
            return;
        }
        loading.set(true);
        problem.set("");
        range.set(ViewLoader.text("insights.range", dateText(from), dateText(to), clock.getZone().getId()));
        source.load(from, to, clock.getZone()).whenComplete((answer, failure) -> fx.execute(() -> {
            if (asked != generation) {
                return;
            }
            loading.set(false);
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                log.warn("insights for {}..{} failed", from, to, cause);
                problem.set(ViewLoader.text("insights.failed", String.valueOf(cause.getMessage())));
                return;
            }
            insights.set(answer);
            figures.setAll(InsightsFigures.of(answer));
        }));
    }

    private void reloadIfCustom() {
        if (period.get() == Period.CUSTOM) {
            load();
        }
    }

    private void fail(String message) {
        loading.set(false);
        problem.set(message);
    }

    /** Writes the figures shown now to {@code file}, off the FX thread; says where they went, or why not. */
    public CompletableFuture<Void> export(Path file) {
        Insights shown = insights.get();
        List<InsightsFigures.Figure> tiles = List.copyOf(figures);
        if (shown == null) {
            return CompletableFuture.completedFuture(null);
        }
        exportStatus.set("");
        return CompletableFuture.runAsync(() -> {
            try {
                InsightsCsv.write(shown, tiles, file);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, background).whenComplete((done, failure) -> fx.execute(() -> {
            if (failure == null) {
                exportStatus.set(ViewLoader.text("insights.exported", file.getFileName().toString()));
            } else {
                log.warn("insights export to {} failed", file, failure);
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                exportStatus.set(ViewLoader.text("insights.exportFailed", String.valueOf(cause.getMessage())));
            }
        }));
    }

    /** A file name for the export, naming the period shown. */
    public String suggestedFileName() {
        Insights shown = insights.get();
        return shown == null ? "Parley insights.csv"
                : "Parley insights " + shown.from() + " to " + shown.to() + ".csv";
    }

    /** A date as the person's locale writes it, e.g. "8 Nov 2026". */
    public static String dateText(LocalDate date) {
        return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM));
    }

    public ObjectProperty<Period> periodProperty() {
        return period;
    }

    public ObjectProperty<LocalDate> customFromProperty() {
        return customFrom;
    }

    public ObjectProperty<LocalDate> customToProperty() {
        return customTo;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Why there are no figures for the chosen period (empty when there is no problem). */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The period asked for last, as text: "2 Nov 2026 – 8 Nov 2026 · Europe/Lisbon". */
    public ReadOnlyStringProperty rangeProperty() {
        return range.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty exportStatusProperty() {
        return exportStatus.getReadOnlyProperty();
    }

    /** The server's answer shown now (null before the first one). */
    public ReadOnlyObjectProperty<Insights> insightsProperty() {
        return insights.getReadOnlyProperty();
    }

    /** The tiles, built from {@link #insightsProperty()}. */
    public ObservableList<InsightsFigures.Figure> figures() {
        return shownFigures;
    }
}
