package dev.parley.client.ui.profile;

import dev.parley.client.sync.ChatSession;
import dev.parley.client.ui.FxmlView;
import dev.parley.client.ui.ViewLoader;
import dev.parley.client.ui.common.Avatar;
import dev.parley.client.ui.common.AvatarPictures;
import dev.parley.client.ui.common.PictureChooser;
import dev.parley.protocol.UserProfile;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;

/** "Edit profile": name, bio, tags and photo. Its result is the saved profile, or nothing when cancelled. */
public final class EditProfileDialog extends Dialog<UserProfile> {
    private static final PseudoClass OVER_LIMIT = PseudoClass.getPseudoClass("over-limit");

    private final EditProfileViewModel model;
    private final AvatarPictures pictures;
    private final PictureChooser chooser;
    private final Avatar preview = new Avatar(Avatar.Size.EDIT);

    @FXML private StackPane previewHolder;
    @FXML private TextField nameField;
    @FXML private TextArea bioArea;
    @FXML private Label bioHint;
    @FXML private TextField tagsField;
    @FXML private Label tagsHint;
    @FXML private Button chooseButton;
    @FXML private Button removeButton;
    @FXML private Label errorLabel;

    public EditProfileDialog(Window owner, ChatSession session, AvatarPictures pictures, PictureChooser chooser) {
        this.model = new EditProfileViewModel(session.people(), session.me().handle());
        this.pictures = pictures;
        this.chooser = chooser;
        initOwner(owner);
        setTitle(ViewLoader.text("profile.edit.title"));
        setHeaderText(null);
        ButtonType save = new ButtonType(ViewLoader.text("profile.edit.save"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        getDialogPane().setContent(ViewLoader.load(FxmlView.EDIT_PROFILE, this));
        Button saveButton = (Button) getDialogPane().lookupButton(save);
        saveButton.setId("saveProfile");
        saveButton.disableProperty().bind(model.canSaveProperty().not());
        // Keep the dialog open while saving; close it only once the server has the profile.
        saveButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            model.save(saved -> {
                setResult(saved);
                close();
            });
        });
        setResultConverter(button -> null);
        model.load();
    }

    @FXML
    private void initialize() {
        previewHolder.getChildren().add(preview);
        nameField.textProperty().bindBidirectional(model.displayNameProperty());
        bioArea.textProperty().bindBidirectional(model.bioProperty());
        tagsField.textProperty().bindBidirectional(model.tagsProperty());
        bioHint.textProperty().bind(model.bioHintProperty());
        model.bioHintProperty().addListener((obs, old, hint) -> bioHint.pseudoClassStateChanged(OVER_LIMIT,
                bioArea.getText().strip().codePointCount(0, bioArea.getText().strip().length())
                        > dev.parley.protocol.Limits.MAX_BIO_CHARS));
        tagsHint.textProperty().bind(Bindings.when(model.tagsProblemProperty().isEmpty())
                .then(ViewLoader.text("profile.edit.tags.hint")).otherwise(model.tagsProblemProperty()));
        model.tagsProblemProperty().addListener((obs, old, problem) ->
                tagsHint.pseudoClassStateChanged(OVER_LIMIT, !problem.isEmpty()));
        chooseButton.disableProperty().bind(model.busyProperty());
        removeButton.disableProperty().bind(model.busyProperty());
        errorLabel.textProperty().bind(model.errorProperty());
        errorLabel.visibleProperty().bind(model.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        model.profileProperty().addListener((obs, old, profile) -> pictures.show(preview, profile));
        model.newPhotoProperty().addListener((obs, old, jpeg) -> {
            if (jpeg != null) {
                AvatarPictures.decode(jpeg).thenAccept(image -> javafx.application.Platform.runLater(
                        () -> preview.showPicture(image)));
            }
        });
        model.photoRemovedProperty().addListener((obs, was, removed) -> {
            if (removed) {
                preview.showPicture(null);
            }
        });
    }

    @FXML
    private void choosePhoto() {
        chooser.choose(getDialogPane().getScene().getWindow()).ifPresent(model::choosePhoto);
    }

    @FXML
    private void removePhoto() {
        model.removePhoto();
    }
}
