package dev.parley.client.ui.schedule;

import dev.parley.client.ui.FxmlView;
import dev.parley.client.ui.ViewLoader;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;

/** "Schedule message" and "Follow up if no reply": the text, and when the server should send it. */
public final class ScheduleDialog extends Dialog<Void> {
    private final ScheduleViewModel model;

    @FXML private Label scheduleTextLabel;
    @FXML private TextArea scheduleText;
    @FXML private FlowPane suggestionsBox;
    @FXML private HBox dateTimeBox;
    @FXML private DatePicker scheduleDate;
    @FXML private TextField scheduleTime;
    @FXML private HBox followUpBox;
    @FXML private Spinner<Integer> followUpDays;
    @FXML private Label scheduleSummary;
    @FXML private Label scheduleError;

    public ScheduleDialog(Window owner, ScheduleViewModel model) {
        this.model = model;
        initOwner(owner);
        setTitle(ViewLoader.text(model.isFollowUp() ? "schedule.followUp.title" : "schedule.title"));
        setHeaderText(null);
        ButtonType save = new ButtonType(ViewLoader.text(model.isEditing() ? "schedule.save" : "schedule.schedule"),
                ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        getDialogPane().setContent(ViewLoader.load(FxmlView.SCHEDULE, this));
        Button saveButton = (Button) getDialogPane().lookupButton(save);
        saveButton.setId("scheduleSaveButton");
        saveButton.disableProperty().bind(model.canSaveProperty().not());
        saveButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            model.save(this::close);
        });
        setResultConverter(button -> null);
    }

    @FXML
    private void initialize() {
        scheduleText.textProperty().bindBidirectional(model.textProperty());
        scheduleText.setVisible(model.hasText());
        scheduleText.setManaged(model.hasText());
        scheduleTextLabel.setVisible(model.hasText());
        scheduleTextLabel.setManaged(model.hasText());
        scheduleDate.valueProperty().bindBidirectional(model.dateProperty());
        scheduleTime.textProperty().bindBidirectional(model.timeProperty());
        followUpDays.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1,
                ScheduleViewModel.MAX_FOLLOW_UP_DAYS, model.followUpDaysProperty().get()));
        followUpDays.valueProperty().addListener((obs, was, now) -> model.followUpDaysProperty().set(now));
        boolean days = model.asksForDays();
        followUpBox.setVisible(days);
        followUpBox.setManaged(days);
        dateTimeBox.setVisible(!days);
        dateTimeBox.setManaged(!days);
        suggestionsBox.setVisible(!days);
        suggestionsBox.setManaged(!days);
        for (ScheduleTimes.Suggestion suggestion : model.suggestions()) {
            Button button = new Button(model.label(suggestion));
            button.getStyleClass().addAll("small", "schedule-suggestion");
            button.setOnAction(event -> model.choose(suggestion));
            suggestionsBox.getChildren().add(button);
        }
        scheduleSummary.textProperty().bind(model.summaryProperty());
        scheduleError.textProperty().bind(model.errorProperty());
        scheduleError.visibleProperty().bind(model.errorProperty().isNotEmpty());
        scheduleError.managedProperty().bind(scheduleError.visibleProperty());
    }
}
