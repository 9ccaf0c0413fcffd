package dev.parley.client.ui.schedule;

import dev.parley.client.model.ConversationItem;
import dev.parley.client.sync.Schedules;
import dev.parley.client.ui.ViewLoader;
import dev.parley.client.ui.common.Formats;
import dev.parley.protocol.ScheduleStatus;
import dev.parley.protocol.ScheduledMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Above the composer: what is scheduled in the open chat ("2 scheduled messages · next Tomorrow 9:00", or the
 * follow-up and when it goes if nobody replies), and a warning when the server skipped or cancelled one by itself.
 */
public final class ScheduleBar extends VBox {
    private final Schedules schedules;
    private final Formats formats;
    private final ObservableValue<ConversationItem> conversation;
    private final HBox summaryRow;
    private final Label summary = new Label();
    private final HBox outcomeRow;
    private final Label outcome = new Label();
    /** Server-side outcomes not yet dismissed, by conversation. */
    private final Map<Long, ScheduledMessage> outcomes = new HashMap<>();
    private final java.util.function.Consumer<ScheduledMessage> outcomeListener = this::outcome;

    public ScheduleBar(Schedules schedules, Formats formats, ObservableValue<ConversationItem> conversation,
            Runnable showList) {
        this.schedules = schedules;
        this.formats = formats;
        this.conversation = conversation;
        getStyleClass().add("schedule-bar");
        getStylesheets().add(ViewLoader.stylesheet("schedule/schedule.css"));
        FontIcon clock = new FontIcon("fth-clock");
        clock.getStyleClass().add("schedule-bar-icon");
        summary.getStyleClass().add("schedule-bar-text");
        summary.setId("scheduleBarText");
        HBox.setHgrow(summary, Priority.ALWAYS);
        summary.setMaxWidth(Double.MAX_VALUE);
        Hyperlink view = new Hyperlink(ViewLoader.text("scheduled.view"));
        view.setId("scheduleBarView");
        view.setOnAction(event -> showList.run());
        summaryRow = new HBox(8, clock, summary, view);
        summaryRow.setAlignment(Pos.CENTER_LEFT);
        FontIcon warning = new FontIcon("fth-alert-triangle");
        warning.getStyleClass().add("schedule-bar-warning-icon");
        outcome.getStyleClass().add("schedule-bar-warning");
        outcome.setId("scheduleOutcome");
        outcome.setWrapText(true);
        HBox.setHgrow(outcome, Priority.ALWAYS);
        outcome.setMaxWidth(Double.MAX_VALUE);
        Button dismiss = new Button(null, new FontIcon("fth-x"));
        dismiss.getStyleClass().addAll("flat", "button-icon", "small");
        dismiss.setAccessibleText(ViewLoader.text("scheduled.dismiss"));
        dismiss.setTooltip(new Tooltip(ViewLoader.text("scheduled.dismiss")));
        dismiss.setOnAction(event -> {
            ConversationItem open = conversation.getValue();
            if (open != null) {
                outcomes.remove(open.id());
            }
            refresh();
        });
        outcomeRow = new HBox(8, warning, outcome, dismiss);
        outcomeRow.setAlignment(Pos.CENTER_LEFT);
        getChildren().setAll(outcomeRow, summaryRow);
        schedules.pending().addListener((ListChangeListener<ScheduledMessage>) change -> refresh());
        schedules.addOutcomeListener(outcomeListener);
        conversation.addListener((obs, was, now) -> refresh());
        refresh();
    }

    /** Stops listening to the session (the window is going away). */
    public void dispose() {
        schedules.removeOutcomeListener(outcomeListener);
    }

    private void outcome(ScheduledMessage scheduled) {
        outcomes.put(scheduled.conversationId(), scheduled);
        refresh();
    }

    private void refresh() {
        ConversationItem open = conversation.getValue();
        List<ScheduledMessage> here = open == null ? List.of()
                : schedules.pending().stream().filter(s -> s.conversationId() == open.id()).toList();
        show(summaryRow, !here.isEmpty());
        if (!here.isEmpty()) {
            summary.setText(describe(here));
        }
        ScheduledMessage last = open == null ? null : outcomes.get(open.id());
        show(outcomeRow, last != null);
        if (last != null) {
            outcome.setText(ViewLoader.text(last.status() == ScheduleStatus.SKIPPED
                    ? "scheduled.skipped" : "scheduled.cancelledByServer", last.message().text(), last.reason()));
        }
        show(this, !here.isEmpty() || last != null);
    }

    private String describe(List<ScheduledMessage> here) {
        ScheduledMessage next = here.get(0);
        if (here.size() == 1 && next.followUp()) {
            return ViewLoader.text("scheduled.bar.followUp", formats.upcoming(next.sendAt()));
        }
        return ViewLoader.text("scheduled.bar", here.size(), formats.upcoming(next.sendAt()));
    }

    private static void show(javafx.scene.Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }
}
