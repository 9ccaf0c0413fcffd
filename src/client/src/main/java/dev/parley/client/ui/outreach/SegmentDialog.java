package dev.parley.client.ui.outreach;

import dev.parley.client.ui.FxmlView;
import dev.parley.client.ui.ViewLoader;
import dev.parley.protocol.Limits;
import dev.parley.protocol.Segment;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** "Segment": who a broadcast goes to, as a saved filter over labels, friendship and recent messages. */
public final class SegmentDialog extends Dialog<Segment> {
    private final SegmentViewModel model;
    private Segment saved;

    @FXML private TextField segmentName;
    @FXML private VBox segmentLabelsBox;
    @FXML private CheckBox segmentFriendsOnly;
    @FXML private CheckBox segmentRecent;
    @FXML private Spinner<Integer> segmentDays;
    @FXML private Label segmentError;

    public SegmentDialog(Window owner, SegmentViewModel model) {
        this.model = model;
        initOwner(owner);
        setTitle(ViewLoader.text(model.editing() ? "outreach.segment.edit" : "outreach.segment.new"));
        setHeaderText(null);
        ButtonType save = new ButtonType(ViewLoader.text("outreach.segment.save"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        if (model.editing()) {
            ButtonType delete = new ButtonType(ViewLoader.text("outreach.segment.delete"),
                    ButtonBar.ButtonData.LEFT);
            getDialogPane().getButtonTypes().add(delete);
            Button deleteButton = (Button) getDialogPane().lookupButton(delete);
            deleteButton.setId("deleteSegmentButton");
            deleteButton.getStyleClass().add("danger");
            deleteButton.addEventFilter(ActionEvent.ACTION, event -> {
                event.consume();
                model.delete(this::close);
            });
        }
        getDialogPane().setContent(ViewLoader.load(FxmlView.SEGMENT, this));
        Button saveButton = (Button) getDialogPane().lookupButton(save);
        saveButton.setId("saveSegmentButton");
        saveButton.disableProperty().bind(model.busyProperty().or(model.nameProperty().isEmpty()));
        saveButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            model.save(segment -> {
                saved = segment;
                close();
            });
        });
        setResultConverter(button -> saved);
    }

    @FXML
    private void initialize() {
        segmentName.textProperty().bindBidirectional(model.nameProperty());
        segmentLabelsBox.getChildren().add(new LabelChips("segment", model.labels(), model.suggestions(),
                model::addLabel));
        segmentFriendsOnly.selectedProperty().bindBidirectional(model.friendsOnlyProperty());
        segmentRecent.selectedProperty().bindBidirectional(model.recentProperty());
        segmentDays.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, Limits.MAX_SEGMENT_DAYS,
                model.daysProperty().get()));
        segmentDays.valueProperty().addListener((obs, was, now) -> model.daysProperty().set(now));
        segmentDays.disableProperty().bind(model.recentProperty().not());
        segmentError.textProperty().bind(model.errorProperty());
        segmentError.visibleProperty().bind(model.errorProperty().isNotEmpty());
        segmentError.managedProperty().bind(segmentError.visibleProperty());
    }
}
