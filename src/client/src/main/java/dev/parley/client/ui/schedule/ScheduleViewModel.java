package dev.parley.client.ui.schedule;

import dev.parley.client.sync.Schedules;
import dev.parley.client.ui.ViewLoader;
import dev.parley.client.ui.common.Formats;
import dev.parley.client.ui.common.Refusals;
import dev.parley.protocol.Limits;
import dev.parley.protocol.ScheduledMessage;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The "Schedule message" dialog: the text, and when — a suggestion, a date and time typed in the user's zone, or
 * for a follow-up "if no reply in N days". Creates a new scheduled message or edits a pending one.
 */
public final class ScheduleViewModel {
    public static final int MAX_FOLLOW_UP_DAYS = 30;

    /** What "Schedule" does with the text (or caption) and the moment, e.g. upload photos and then schedule them. */
    @FunctionalInterface
    public interface Action {
        CompletableFuture<?> schedule(String text, java.time.Instant at);
    }

    private final Schedules schedules;
    private final Formats formats;
    private final long conversationId;
    private final Long replyTo;
    private final ScheduledMessage editing;
    private final boolean followUp;
    private final Action action;
    private final boolean textRequired;
    private boolean hasText = true;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>(this, "date");
    private final StringProperty time = new SimpleStringProperty(this, "time", "");
    private final IntegerProperty followUpDays = new SimpleIntegerProperty(this, "followUpDays", 3);
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final BooleanProperty saved = new SimpleBooleanProperty(this, "saved");
    private final ObjectBinding<Optional<ZonedDateTime>> when;
    private final StringBinding summary;
    private final BooleanBinding canSave;

    private ScheduleViewModel(Schedules schedules, Formats formats, long conversationId, String draft, Long replyTo,
            boolean followUp, ScheduledMessage editing, Action action) {
        this.schedules = schedules;
        this.action = action;
        this.textRequired = action == null;
        this.formats = formats;
        this.conversationId = conversationId;
        this.replyTo = replyTo;
        this.followUp = followUp;
        this.editing = editing;
        text.set(draft == null ? "" : draft);
        ZonedDateTime start = editing != null ? editing.sendAt().atZone(formats.now().getZone())
                : suggestions().stream().filter(s -> s.key().equals("schedule.suggest.tomorrow")).findFirst()
                        .orElseThrow().at();
        date.set(start.toLocalDate());
        time.set(ScheduleTimes.format(start.toLocalTime()));
        when = Bindings.createObjectBinding(() -> followUp && editing == null
                ? Optional.of(ScheduleTimes.followUpAt(formats.now(), followUpDays.get()))
                : ScheduleTimes.parse(date.get(), time.get(), formats.now()), date, time, followUpDays);
        summary = Bindings.createStringBinding(() -> when.get()
                .map(at -> ViewLoader.text(followUp ? "schedule.summary.followUp" : "schedule.summary",
                        formats.upcoming(at.toInstant()), at.getZone().getId()))
                .orElse(ViewLoader.text("schedule.badTime")), when);
        int most = textRequired ? Limits.MAX_TEXT_CHARS : Limits.MAX_CAPTION_CHARS;
        canSave = Bindings.createBooleanBinding(() -> !busy.get() && when.get().isPresent()
                && (!textRequired || !text.get().isBlank())
                && text.get().strip().codePointCount(0, text.get().strip().length()) <= most, when, text, busy);
    }

    /** Schedules the composer's text (a reply when {@code replyTo} is set); a follow-up when {@code followUp}. */
    public static ScheduleViewModel create(Schedules schedules, Formats formats, long conversationId, String draft,
            Long replyTo, boolean followUp) {
        return new ScheduleViewModel(schedules, formats, conversationId, draft, replyTo, followUp, null, null);
    }

    /** Schedules something that carries no text at all (a sticker) through {@code action}. */
    public static ScheduleViewModel withoutText(Formats formats, Action action) {
        ScheduleViewModel model = with(formats, "", action);
        model.hasText = false;
        return model;
    }

    /** Whether the dialog asks for text (a sticker has none). */
    public boolean hasText() {
        return hasText;
    }

    /** Schedules something that is not text alone (photos with a caption, which may be empty) through {@code action}. */
    public static ScheduleViewModel with(Formats formats, String caption, Action action) {
        return new ScheduleViewModel(null, formats, 0, caption, null, false, null, action);
    }

    /** Edits the text and time of a pending scheduled message or follow-up. */
    public static ScheduleViewModel edit(Schedules schedules, Formats formats, ScheduledMessage scheduled) {
        return new ScheduleViewModel(schedules, formats, scheduled.conversationId(), scheduled.message().text(),
                null, scheduled.followUp(), scheduled, null);
    }

    public List<ScheduleTimes.Suggestion> suggestions() {
        return ScheduleTimes.suggestions(formats.now());
    }

    /** How a suggestion reads on its button, e.g. "Tomorrow 9:00 AM". */
    public String label(ScheduleTimes.Suggestion suggestion) {
        return ViewLoader.text(suggestion.key(), formats.time(suggestion.at().toInstant()));
    }

    public void choose(ScheduleTimes.Suggestion suggestion) {
        date.set(suggestion.at().toLocalDate());
        time.set(ScheduleTimes.format(suggestion.at().toLocalTime()));
    }

    /** Whether the time is "in N days if no reply" rather than a date and time. */
    public boolean asksForDays() {
        return followUp && editing == null;
    }

    public boolean isFollowUp() {
        return followUp;
    }

    public boolean isEditing() {
        return editing != null;
    }

    /** Saves; {@code close} runs on the fx thread once the server has it. A refusal shows as the error. */
    public void save(Runnable close) {
        Optional<ZonedDateTime> at = when.get();
        if (!canSave.get() || at.isEmpty()) {
            return;
        }
        busy.set(true);
        error.set("");
        CompletableFuture<?> saving = action != null ? action.schedule(text.get().strip(), at.get().toInstant())
                : editing == null
                ? schedules.schedule(conversationId, text.get(), replyTo, at.get().toInstant(), followUp)
                : schedules.update(editing.id(), text.get().equals(editing.message().text()) ? null : text.get(),
                        at.get().toInstant());
        saving.whenComplete((done, failure) -> Platform.runLater(() -> {
            busy.set(false);
            if (failure == null) {
                saved.set(true);
                close.run();
            } else {
                error.set(Refusals.describe(failure));
            }
        }));
    }

    /** True once the server has it. */
    public boolean saved() {
        return saved.get();
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    public StringProperty timeProperty() {
        return time;
    }

    public IntegerProperty followUpDaysProperty() {
        return followUpDays;
    }

    public StringBinding summaryProperty() {
        return summary;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }
}
