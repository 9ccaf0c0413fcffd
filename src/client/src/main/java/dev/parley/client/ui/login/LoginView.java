package dev.parley.client.ui.login;

import dev.parley.client.ui.FxmlView;
import dev.parley.client.ui.ViewLoader;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The sign-in / create-account screen; binds to {@link LoginViewModel}. */
public final class LoginView {
    private final LoginViewModel model;
    private final Parent root;

    @FXML private Label subtitle;
    @FXML private VBox displayNameBox;
    @FXML private TextField displayNameField;
    @FXML private TextField handleField;
    @FXML private PasswordField passwordField;
    @FXML private HBox errorBox;
    @FXML private Label errorLabel;
    @FXML private Button retryButton;
    @FXML private Button submitButton;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label switchPrompt;
    @FXML private Hyperlink switchLink;
    @FXML private TextField serverField;

    public LoginView(LoginViewModel model) {
        this.model = model;
        this.root = ViewLoader.load(FxmlView.LOGIN, this);
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        displayNameField.textProperty().bindBidirectional(model.displayNameProperty());
        handleField.textProperty().bindBidirectional(model.handleProperty());
        passwordField.textProperty().bindBidirectional(model.passwordProperty());
        serverField.textProperty().bindBidirectional(model.serverProperty());

        var creating = model.creatingAccountProperty();
        displayNameBox.visibleProperty().bind(creating);
        displayNameBox.managedProperty().bind(creating);
        subtitle.textProperty().bind(Bindings.when(creating)
                .then(ViewLoader.text("login.subtitle.create")).otherwise(ViewLoader.text("login.subtitle.signIn")));
        submitButton.textProperty().bind(Bindings.when(creating)
                .then(ViewLoader.text("login.create")).otherwise(ViewLoader.text("login.signIn")));
        switchPrompt.textProperty().bind(Bindings.when(creating)
                .then(ViewLoader.text("login.switch.haveAccount")).otherwise(ViewLoader.text("login.switch.new")));
        switchLink.textProperty().bind(Bindings.when(creating)
                .then(ViewLoader.text("login.signIn")).otherwise(ViewLoader.text("login.create")));

        errorLabel.textProperty().bind(model.errorProperty());
        errorBox.visibleProperty().bind(model.errorProperty().isNotEmpty());
        errorBox.managedProperty().bind(errorBox.visibleProperty());
        retryButton.visibleProperty().bind(model.retryableProperty());
        retryButton.managedProperty().bind(retryButton.visibleProperty());
        submitButton.disableProperty().bind(model.canSubmitProperty().not());
        busyIndicator.visibleProperty().bind(model.busyProperty());
        handleField.disableProperty().bind(model.busyProperty());
        passwordField.disableProperty().bind(model.busyProperty());
    }

    @FXML
    private void submit() {
        model.submit();
    }

    @FXML
    private void retry() {
        model.submit();
    }

    @FXML
    private void toggleMode() {
        model.toggleMode();
        (model.creatingAccountProperty().get() ? displayNameField : handleField).requestFocus();
    }

    public void focusFirstField() {
        handleField.requestFocus();
    }
}
