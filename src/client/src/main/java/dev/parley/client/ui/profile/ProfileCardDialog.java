package dev.parley.client.ui.profile;

import dev.parley.client.sync.ChatSession;
import dev.parley.client.ui.FxmlView;
import dev.parley.client.ui.ViewLoader;
import dev.parley.client.ui.common.Avatar;
import dev.parley.client.ui.common.AvatarPictures;
import dev.parley.client.ui.common.Formats;
import dev.parley.client.ui.common.SaveLocation;
import dev.parley.client.ui.report.ReportDialog;
import dev.parley.client.ui.report.ReportViewModel;
import dev.parley.protocol.Reply;
import dev.parley.protocol.UserProfile;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

/** A person's profile card. Its result is the id of the conversation "Message" opened, or nothing. */
public final class ProfileCardDialog extends Dialog<Long> {
    private final ProfileCardViewModel model;
    private final ChatSession session;
    private final AvatarPictures pictures;
    private final SaveLocation saveLocation;
    private final Avatar avatar = new Avatar(Avatar.Size.CARD);

    @FXML private StackPane avatarHolder;
    @FXML private Label nameLabel;
    @FXML private Label friendsBadge;
    @FXML private Label handleLabel;
    @FXML private Label countsLabel;
    @FXML private Label bioLabel;
    @FXML private FlowPane tagsPane;
    @FXML private Button followButton;
    @FXML private FontIcon followIcon;
    @FXML private Button messageButton;
    @FXML private Button cardBlockButton;
    @FXML private Button cardReportButton;
    @FXML private Label errorLabel;

    public ProfileCardDialog(Window owner, ChatSession session, AvatarPictures pictures, Formats formats,
            SaveLocation saveLocation, String handle) {
        this.model = new ProfileCardViewModel(session, handle, formats);
        this.session = session;
        this.pictures = pictures;
        this.saveLocation = saveLocation;
        initOwner(owner);
        setTitle(ViewLoader.text("card.title"));
        setHeaderText(null);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        getDialogPane().getStylesheets().add(ViewLoader.stylesheet("app.css"));
        getDialogPane().setContent(ViewLoader.load(FxmlView.PROFILE_CARD, this));
        setResultConverter(button -> null);
        model.load();
    }

    @FXML
    private void initialize() {
        avatarHolder.getChildren().add(avatar);
        handleLabel.setText("@" + model.handle());
        avatar.show(model.handle(), model.handle());
        model.cardProperty().addListener((obs, old, card) -> show(card));
        friendsBadge.visibleProperty().bind(model.friendsProperty());
        friendsBadge.managedProperty().bind(friendsBadge.visibleProperty());
        countsLabel.textProperty().bind(model.countsProperty());
        followButton.textProperty().bind(Bindings.when(model.followingProperty())
                .then(ViewLoader.text("card.unfollow")).otherwise(ViewLoader.text("card.follow")));
        model.followingProperty().addListener((obs, was, following) ->
                followIcon.setIconLiteral(following ? "fth-user-check" : "fth-user-plus"));
        cardBlockButton.textProperty().bind(Bindings.when(model.blockedProperty())
                .then(ViewLoader.text("card.unblock")).otherwise(ViewLoader.text("card.block")));
        var unavailable = model.cardProperty().isNull().or(model.busyProperty()).or(model.isMeProperty());
        followButton.disableProperty().bind(unavailable.or(model.blockedProperty()));
        messageButton.disableProperty().bind(unavailable);
        cardBlockButton.disableProperty().bind(unavailable);
        cardReportButton.disableProperty().bind(unavailable);
        errorLabel.textProperty().bind(model.errorProperty());
        errorLabel.visibleProperty().bind(model.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        bioLabel.managedProperty().bind(bioLabel.visibleProperty());
        bioLabel.setVisible(false);
    }

    private void show(Reply.ProfileCard card) {
        UserProfile user = card.user();
        nameLabel.setText(user.displayName());
        pictures.show(avatar, user);
        bioLabel.setText(user.bio());
        bioLabel.setVisible(user.bio() != null);
        tagsPane.getChildren().setAll(user.tags().stream().map(tag -> {
            Label label = new Label("#" + tag);
            label.getStyleClass().addAll("profile-tag", "accent");
            return label;
        }).toList());
        // The card grows once loaded (bio, tags): let the window follow.
        if (getDialogPane().getScene() != null && getDialogPane().getScene().getWindow() != null) {
            getDialogPane().getScene().getWindow().sizeToScene();
        }
    }

    @FXML
    private void toggleFollow() {
        model.toggleFollow();
    }

    @FXML
    private void toggleBlock() {
        model.toggleBlock();
    }

    @FXML
    private void message() {
        model.message(id -> {
            setResult(id);
            close();
        });
    }

    @FXML
    private void report() {
        Reply.ProfileCard card = model.cardProperty().get();
        new ReportDialog(getDialogPane().getScene().getWindow(), session,
                new ReportViewModel.Target(model.handle(), card.user().displayName(), null), model.formats(),
                saveLocation).showAndWait();
        model.load();
    }
}
