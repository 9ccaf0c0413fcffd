package dev.parley.client.ui.groups;

import dev.parley.client.sync.ChatSession;
import dev.parley.client.ui.FxmlView;
import dev.parley.client.ui.ViewLoader;
import dev.parley.client.ui.common.PictureChooser;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The "New group" dialog; its result is the id of the created group. */
public final class NewGroupDialog extends Dialog<Long> {
    private final NewGroupViewModel model;
    private final PictureChooser pictureChooser;

    @FXML private TextField groupTitleField;
    @FXML private TextArea groupDescriptionField;
    @FXML private TextField friendSearchField;
    @FXML private ListView<FriendChoices.Choice> friendList;
    @FXML private Label selectedLabel;
    @FXML private Label pictureLabel;
    @FXML private Label errorLabel;
    @FXML private VBox form;
    @FXML private VBox refusedBox;
    @FXML private VBox refusedList;

    public NewGroupDialog(Window owner, ChatSession session, PictureChooser pictureChooser) {
        this.model = new NewGroupViewModel(session);
        this.pictureChooser = pictureChooser;
        initOwner(owner);
        setTitle(ViewLoader.text("group.new.title"));
        setHeaderText(null);
        ButtonType create = new ButtonType(ViewLoader.text("group.new.create"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(create, ButtonType.CANCEL);
        getDialogPane().setContent(ViewLoader.load(FxmlView.NEW_GROUP, this));
        Button createButton = (Button) getDialogPane().lookupButton(create);
        createButton.setId("createGroupButton");
        createButton.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ButtonBar.setButtonUniformSize(createButton, false);
        createButton.disableProperty().bind(model.canSubmitProperty().not());
        createButton.textProperty().bind(Bindings.when(model.createdProperty().greaterThan(0))
                .then(ViewLoader.text("group.new.open")).otherwise(ViewLoader.text("group.new.create")));
        // The button's longer text after creating needs a wider bar; let the window fit it.
        createButton.textProperty().addListener((obs, old, text) -> javafx.application.Platform.runLater(() -> {
            if (getDialogPane().getScene() != null && getDialogPane().getScene().getWindow() != null) {
                getDialogPane().getScene().getWindow().sizeToScene();
            }
        }));
        // Stay open while the server creates the group, and to show whom it could not add.
        createButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            model.submit(id -> {
                setResult(id);
                close();
            });
        });
        setResultConverter(button -> model.createdProperty().get() > 0 ? model.createdProperty().get() : null);
        setOnShown(event -> groupTitleField.requestFocus());
        model.load();
    }

    @FXML
    private void initialize() {
        groupTitleField.textProperty().bindBidirectional(model.titleProperty());
        groupDescriptionField.textProperty().bindBidirectional(model.descriptionProperty());
        FriendList.show(model.friends(), friendSearchField, friendList, selectedLabel);
        pictureLabel.textProperty().bind(Bindings.when(model.pictureProperty().isNull())
                .then(ViewLoader.text("group.new.picture.none")).otherwise(ViewLoader.text("group.new.picture.chosen")));
        errorLabel.textProperty().bind(model.errorProperty());
        errorLabel.visibleProperty().bind(model.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        model.refused().addListener((javafx.collections.ListChangeListener<String>) change ->
                refusedList.getChildren().setAll(model.refused().stream().map(NewGroupDialog::refusalLabel).toList()));
        // Once the group exists, changing the form would change nothing: only "Open group" is left to do.
        form.disableProperty().bind(model.createdProperty().greaterThan(0));
        refusedBox.visibleProperty().bind(Bindings.isNotEmpty(model.refused()));
        refusedBox.managedProperty().bind(refusedBox.visibleProperty());
    }

    private static Label refusalLabel(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add("group-refusal");
        return label;
    }

    @FXML
    private void choosePicture() {
        pictureChooser.choose(getDialogPane().getScene().getWindow()).ifPresent(model::choosePicture);
    }
}
