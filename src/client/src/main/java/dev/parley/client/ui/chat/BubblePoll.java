package dev.parley.client.ui.chat;

import dev.parley.client.model.MessageItem;
import dev.parley.client.store.StoredPoll;
import dev.parley.client.ui.ViewLoader;
import dev.parley.protocol.Poll;
import dev.parley.protocol.PollOption;
import java.util.Set;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * A poll inside a bubble: the question, one row per option (a radio button or a check box to vote, a bar with the
 * count and share), who voted in a tooltip unless the poll is anonymous, and Close poll for those who may.
 */
final class BubblePoll extends VBox {
    private final ChatPolls polls;
    private final Label question = new Label();
    private final VBox options = new VBox(6);
    private final Label summary = new Label();
    private final Button close = new Button(ViewLoader.text("poll.close"));

    BubblePoll(ChatPolls polls) {
        super(8);
        this.polls = polls;
        getStyleClass().add("bubble-poll");
        question.getStyleClass().add("poll-question");
        question.setWrapText(true);
        summary.getStyleClass().add("poll-summary");
        summary.setWrapText(true);
        close.getStyleClass().addAll("poll-close", "flat");
        close.setId("closePollButton");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox footer = new HBox(8, summary, grow, close);
        footer.getStyleClass().add("poll-footer");
        getChildren().setAll(question, options, footer);
        setMinWidth(260);
    }

    void show(MessageItem message) {
        StoredPoll stored = message == null || message.unsentProperty().get() ? null : message.pollProperty().get();
        setVisible(stored != null);
        setManaged(stored != null);
        if (stored == null) {
            options.getChildren().clear();
            close.setVisible(false);
            return;
        }
        Poll poll = stored.poll();
        question.setText(poll.question());
        Set<Integer> mine = polls.mine(stored);
        int total = poll.options().stream().mapToInt(PollOption::votes).sum();
        options.getChildren().clear();
        for (int i = 0; i < poll.options().size(); i++) {
            options.getChildren().add(row(message, poll, i, mine.contains(i), total));
        }
        String state = ViewLoader.text(poll.closed() ? "poll.closed"
                : poll.multiple() ? "poll.multiple" : "poll.single");
        summary.setText(String.join(" · ", poll.anonymous() ? ViewLoader.text("poll.anonymous") : "",
                state, ViewLoader.text("poll.voters", poll.voters())).replaceFirst("^ · ", ""));
        boolean closable = polls.canClose(message);
        close.setVisible(closable);
        close.setManaged(closable);
        close.setOnAction(event -> polls.close(message));
    }

    private VBox row(MessageItem message, Poll poll, int index, boolean chosen, int total) {
        PollOption option = poll.options().get(index);
        ButtonBase choice = poll.multiple() ? new CheckBox(option.text()) : new RadioButton(option.text());
        choice.setId("pollChoice" + index);
        choice.getStyleClass().add("poll-choice");
        choice.setWrapText(true);
        if (choice instanceof CheckBox box) {
            box.setSelected(chosen);
        } else {
            ((RadioButton) choice).setSelected(chosen);
        }
        choice.setDisable(poll.closed());
        choice.setOnAction(event -> polls.toggle(message, index));
        double share = total == 0 ? 0 : (double) option.votes() / total;
        ProgressBar bar = new ProgressBar(share);
        bar.getStyleClass().add("poll-bar");
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Label count = new Label(ViewLoader.text("poll.count", option.votes(), Math.round(share * 100)));
        count.getStyleClass().add("poll-count");
        count.setMinWidth(Region.USE_PREF_SIZE);
        HBox results = new HBox(8, new StackPane(bar), count);
        HBox.setHgrow(results.getChildren().get(0), Priority.ALWAYS);
        VBox row = new VBox(2, choice, results);
        row.getStyleClass().add("poll-option");
        if (chosen) {
            row.getStyleClass().add("mine");
        }
        String voters = option.handles().isEmpty() ? null
                : String.join(", ", option.handles().stream().map(handle -> "@" + handle).toList());
        if (voters != null) {
            Tooltip.install(row, new Tooltip(voters));
        }
        choice.setAccessibleText(ViewLoader.text("poll.option.accessible", option.text(), option.votes(),
                voters == null ? "" : voters));
        return row;
    }
}
