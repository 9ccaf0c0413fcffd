package dev.parley.client.ui.groups;

import dev.parley.client.ui.FxmlView;
import dev.parley.client.ui.ViewLoader;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The "Add people" dialog of a group's members panel. */
public final class AddPeopleDialog extends Dialog<Void> {
    private final AddPeopleViewModel model;

    @FXML private TextField addSearchField;
    @FXML private ListView<FriendChoices.Choice> addFriendList;
    @FXML private Label addSelectedLabel;
    @FXML private Label addErrorLabel;
    @FXML private VBox addRefusedBox;
    @FXML private VBox addRefusedList;

    public AddPeopleDialog(Window owner, AddPeopleViewModel model) {
        this.model = model;
        initOwner(owner);
        setTitle(ViewLoader.text("group.add.title"));
        setHeaderText(null);
        ButtonType add = new ButtonType(ViewLoader.text("group.add.confirm"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(add, ButtonType.CANCEL);
        getDialogPane().setContent(ViewLoader.load(FxmlView.ADD_PEOPLE, this));
        Button addButton = (Button) getDialogPane().lookupButton(add);
        addButton.setId("confirmAddPeople");
        addButton.disableProperty().bind(model.canSubmitProperty().not());
        addButton.textProperty().bind(Bindings.when(model.doneProperty())
                .then(ViewLoader.text("group.add.done")).otherwise(ViewLoader.text("group.add.confirm")));
        addButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            model.submit(this::close);
        });
        setResultConverter(button -> null);
    }

    @FXML
    private void initialize() {
        FriendList.show(model.friends(), addSearchField, addFriendList, addSelectedLabel);
        addErrorLabel.textProperty().bind(model.errorProperty());
        addErrorLabel.visibleProperty().bind(model.errorProperty().isNotEmpty());
        addErrorLabel.managedProperty().bind(addErrorLabel.visibleProperty());
        model.refused().addListener((javafx.collections.ListChangeListener<String>) change ->
                addRefusedList.getChildren().setAll(model.refused().stream().map(text -> {
                    Label label = new Label(text);
                    label.setWrapText(true);
                    label.getStyleClass().add("group-refusal");
                    return label;
                }).toList()));
        addRefusedBox.visibleProperty().bind(Bindings.isNotEmpty(model.refused()));
        addRefusedBox.managedProperty().bind(addRefusedBox.visibleProperty());
    }
}
