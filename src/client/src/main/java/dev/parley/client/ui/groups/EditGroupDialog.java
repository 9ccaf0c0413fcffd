package dev.parley.client.ui.groups;

import dev.parley.client.ui.FxmlView;
import dev.parley.client.ui.ViewLoader;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Window;

/** The "Edit group" dialog: rename a group and change its rules. */
public final class EditGroupDialog extends Dialog<Void> {
    private final EditGroupViewModel model;

    @FXML private TextField editTitleField;
    @FXML private TextArea editDescriptionField;
    @FXML private Label editErrorLabel;

    public EditGroupDialog(Window owner, EditGroupViewModel model) {
        this.model = model;
        initOwner(owner);
        setTitle(ViewLoader.text("group.edit.title"));
        setHeaderText(null);
        ButtonType save = new ButtonType(ViewLoader.text("group.edit.save"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        getDialogPane().setContent(ViewLoader.load(FxmlView.EDIT_GROUP, this));
        Button saveButton = (Button) getDialogPane().lookupButton(save);
        saveButton.setId("saveGroupButton");
        saveButton.disableProperty().bind(model.canSaveProperty().not());
        saveButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            model.save(this::close);
        });
        setResultConverter(button -> null);
    }

    @FXML
    private void initialize() {
        editTitleField.textProperty().bindBidirectional(model.titleProperty());
        editDescriptionField.textProperty().bindBidirectional(model.descriptionProperty());
        editErrorLabel.textProperty().bind(model.errorProperty());
        editErrorLabel.visibleProperty().bind(model.errorProperty().isNotEmpty());
        editErrorLabel.managedProperty().bind(editErrorLabel.visibleProperty());
    }
}
