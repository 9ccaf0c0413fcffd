package dev.parley.client.ui.schedule;

import dev.parley.client.sync.Schedules;
import dev.parley.client.ui.common.Formats;
import dev.parley.client.ui.common.Refusals;
import dev.parley.protocol.ScheduledMessage;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.transformation.FilteredList;

/** The pending scheduled messages and follow-ups of one conversation: edit, send now, cancel. */
public final class ScheduledListViewModel {
    private final Schedules schedules;
    private final Formats formats;
    private final FilteredList<ScheduledMessage> items;
    private final StringProperty error = new SimpleStringProperty(this, "error", "");

    public ScheduledListViewModel(Schedules schedules, Formats formats, long conversationId) {
        this.schedules = schedules;
        this.formats = formats;
        this.items = new FilteredList<>(schedules.pending(), s -> s.conversationId() == conversationId);
    }

    public FilteredList<ScheduledMessage> items() {
        return items;
    }

    public String when(ScheduledMessage scheduled) {
        return formats.upcoming(scheduled.sendAt());
    }

    public ScheduleViewModel edit(ScheduledMessage scheduled) {
        return ScheduleViewModel.edit(schedules, formats, scheduled);
    }

    public void sendNow(ScheduledMessage scheduled) {
        report(schedules.sendNow(scheduled.id()));
    }

    public void cancel(ScheduledMessage scheduled) {
        report(schedules.cancel(scheduled.id()));
    }

    public StringProperty errorProperty() {
        return error;
    }

    private void report(CompletableFuture<?> action) {
        error.set("");
        action.whenComplete((done, failure) -> {
            if (failure != null) {
                Platform.runLater(() -> error.set(Refusals.describe(failure)));
            }
        });
    }
}
