package dev.parley.client.ui.settings;

import dev.parley.client.ui.FxmlView;
import dev.parley.client.ui.ViewLoader;
import dev.parley.client.ui.common.Avatar;
import dev.parley.client.ui.common.AvatarPictures;
import dev.parley.protocol.UserProfile;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The Account page: who you are (edited in the profile dialog), password, devices, sign out. */
final class AccountSettingsView {
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    private final AccountSettingsViewModel model;
    private final Supplier<Optional<UserProfile>> editProfile;
    private final AvatarPictures pictures;
    private final UserProfile me;
    private final String signOutLabel;
    private final Avatar avatar = new Avatar(Avatar.Size.LIST);
    private final Parent root;

    @FXML private StackPane avatarHolder;
    @FXML private Label nameLabel;
    @FXML private Label handleLabel;
    @FXML private PasswordField currentField;
    @FXML private PasswordField newField;
    @FXML private PasswordField confirmField;
    @FXML private Label passwordStatus;
    @FXML private Button changePasswordButton;
    @FXML private VBox sessionList;
    @FXML private Label sessionsStatus;
    @FXML private Button signOutButton;

    /**
     * @param editProfile opens the profile dialog; the saved profile, if any
     */
    AccountSettingsView(AccountSettingsViewModel model, UserProfile me, String signOutLabel,
            Supplier<Optional<UserProfile>> editProfile, AvatarPictures pictures) {
        this.model = model;
        this.me = me;
        this.signOutLabel = signOutLabel;
        this.editProfile = editProfile;
        this.pictures = pictures;
        this.root = ViewLoader.load(FxmlView.SETTINGS_ACCOUNT, this);
        model.loadDevices();
    }

    Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        avatarHolder.getChildren().add(avatar);
        showProfile(me);
        currentField.textProperty().bindBidirectional(model.currentProperty());
        newField.textProperty().bindBidirectional(model.passwordProperty());
        confirmField.textProperty().bindBidirectional(model.confirmProperty());
        changePasswordButton.disableProperty().bind(model.canChangePasswordProperty().not());
        passwordStatus.textProperty().bind(model.passwordStatusProperty());
        passwordStatus.visibleProperty().bind(model.passwordStatusProperty().isNotEmpty());
        passwordStatus.managedProperty().bind(passwordStatus.visibleProperty());
        model.passwordFailedProperty().addListener((obs, was, failed) ->
                passwordStatus.pseudoClassStateChanged(FAILED, failed));
        sessionsStatus.textProperty().bind(model.devicesErrorProperty());
        sessionsStatus.visibleProperty().bind(model.devicesErrorProperty().isNotEmpty());
        sessionsStatus.managedProperty().bind(sessionsStatus.visibleProperty());
        model.devices().addListener((ListChangeListener<AccountSettingsViewModel.Device>) change -> showDevices());
        signOutButton.setText(signOutLabel);
    }

    private void showProfile(UserProfile profile) {
        nameLabel.setText(profile.displayName());
        handleLabel.setText("@" + profile.handle());
        pictures.show(avatar, profile);
    }

    private void showDevices() {
        sessionList.getChildren().clear();
        for (AccountSettingsViewModel.Device device : model.devices()) {
            Label name = new Label(device.name());
            name.getStyleClass().add("settings-device-name");
            Label seen = new Label(device.current() ? ViewLoader.text("settings.devices.this") : device.lastSeen());
            seen.getStyleClass().add(device.current() ? "settings-this-device" : "settings-explain");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            Button revoke = new Button(ViewLoader.text("settings.devices.revoke"));
            revoke.getStyleClass().add("small");
            revoke.setId("revoke-" + device.id());
            revoke.setOnAction(event -> confirmRevoke(device));
            HBox row = new HBox(new VBox(name, seen), gap, revoke);
            row.getStyleClass().add("settings-device");
            sessionList.getChildren().add(row);
        }
    }

    private void confirmRevoke(AccountSettingsViewModel.Device device) {
        ButtonType yes = new ButtonType(ViewLoader.text(device.current() ? "settings.devices.confirm.this"
                : "settings.devices.confirm.other"), ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, ViewLoader.text(device.current()
                ? "settings.devices.confirm.thisText" : "settings.devices.confirm.otherText", device.name()),
                yes, ButtonType.CANCEL);
        alert.initOwner(root.getScene().getWindow());
        alert.setTitle(ViewLoader.text("settings.devices.revoke"));
        alert.setHeaderText(null);
        alert.showAndWait().filter(yes::equals).ifPresent(answer -> model.revoke(device));
    }

    @FXML
    private void changePassword() {
        model.changePassword();
    }

    @FXML
    private void editProfile() {
        editProfile.get().ifPresent(this::showProfile);
    }

    @FXML
    private void signOut() {
        model.signOut();
    }
}
