package dev.parley.client.ui.polls;

import dev.parley.client.ui.FxmlView;
import dev.parley.client.ui.ViewLoader;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

/** The "New poll" dialog: a question, its options (added and removed in place) and the poll's two switches. */
public final class NewPollDialog extends Dialog<Void> {
    private final NewPollViewModel model;

    @FXML private TextField pollQuestionField;
    @FXML private VBox pollOptionsBox;
    @FXML private Button addOptionButton;
    @FXML private CheckBox pollMultipleBox;
    @FXML private CheckBox pollAnonymousBox;
    @FXML private Label pollErrorLabel;

    public NewPollDialog(Window owner, NewPollViewModel model) {
        this.model = model;
        initOwner(owner);
        setTitle(ViewLoader.text("poll.new.title"));
        setHeaderText(null);
        ButtonType create = new ButtonType(ViewLoader.text("poll.new.create"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(create, ButtonType.CANCEL);
        getDialogPane().setContent(ViewLoader.load(FxmlView.NEW_POLL, this));
        Button createButton = (Button) getDialogPane().lookupButton(create);
        createButton.setId("createPollButton");
        createButton.disableProperty().bind(model.canCreateProperty().not());
        createButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            model.create(this::close);
        });
        setResultConverter(button -> null);
    }

    @FXML
    private void initialize() {
        pollQuestionField.textProperty().bindBidirectional(model.questionProperty());
        pollMultipleBox.selectedProperty().bindBidirectional(model.multipleProperty());
        pollAnonymousBox.selectedProperty().bindBidirectional(model.anonymousProperty());
        addOptionButton.disableProperty().bind(model.canAddProperty().not());
        pollErrorLabel.textProperty().bind(model.errorProperty());
        pollErrorLabel.visibleProperty().bind(model.errorProperty().isNotEmpty());
        pollErrorLabel.managedProperty().bind(pollErrorLabel.visibleProperty());
        model.options().addListener((ListChangeListener<javafx.beans.property.StringProperty>) change -> showOptions());
        showOptions();
    }

    @FXML
    private void addOption() {
        model.addOption();
        pollOptionsBox.getChildren().get(pollOptionsBox.getChildren().size() - 1).requestFocus();
    }

    private void showOptions() {
        pollOptionsBox.getChildren().clear();
        for (int i = 0; i < model.options().size(); i++) {
            javafx.beans.property.StringProperty option = model.options().get(i);
            TextField field = new TextField();
            field.setId("pollOption" + i);
            field.setPromptText(ViewLoader.text("poll.new.option", i + 1));
            field.setAccessibleText(ViewLoader.text("poll.new.option", i + 1));
            field.textProperty().bindBidirectional(option);
            HBox.setHgrow(field, Priority.ALWAYS);
            Button remove = new Button(null, new FontIcon("fth-x"));
            remove.getStyleClass().add("flat");
            remove.setAccessibleText(ViewLoader.text("poll.new.remove", i + 1));
            remove.setTooltip(new Tooltip(ViewLoader.text("poll.new.remove", i + 1)));
            remove.disableProperty().bind(model.canRemoveProperty().not());
            remove.setOnAction(event -> model.removeOption(option));
            HBox row = new HBox(6, field, remove);
            row.getStyleClass().add("poll-option-row");
            pollOptionsBox.getChildren().add(row);
        }
    }
}
