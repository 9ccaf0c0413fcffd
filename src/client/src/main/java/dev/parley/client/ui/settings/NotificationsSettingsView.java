package dev.parley.client.ui.settings;

import dev.parley.client.ui.FxmlView;
import dev.parley.client.ui.ViewLoader;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;

/** The Notifications page. */
final class NotificationsSettingsView {
    private final NotificationsViewModel model;
    private final Parent root;

    @FXML private CheckBox enabledBox;
    @FXML private CheckBox previewsBox;
    @FXML private Label dndState;
    @FXML private Button dndOffButton;
    @FXML private CheckBox closeToTrayBox;
    @FXML private Label closeToTrayExplain;
    @FXML private CheckBox startAtLoginBox;
    @FXML private Label startAtLoginExplain;
    @FXML private Label startAtLoginError;

    NotificationsSettingsView(NotificationsViewModel model) {
        this.model = model;
        this.root = ViewLoader.load(FxmlView.SETTINGS_NOTIFICATIONS, this);
        model.load();
    }

    Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        enabledBox.selectedProperty().bindBidirectional(model.enabledProperty());
        previewsBox.selectedProperty().bindBidirectional(model.previewsProperty());
        previewsBox.disableProperty().bind(model.enabledProperty().not());
        dndState.textProperty().bind(model.doNotDisturbProperty());
        dndOffButton.disableProperty().bind(model.doNotDisturbProperty()
                .isEqualTo(ViewLoader.text("settings.dnd.off")));

        closeToTrayBox.setDisable(!model.trayAvailable());
        if (model.trayAvailable()) {
            closeToTrayBox.selectedProperty().bindBidirectional(model.closeToTrayProperty());
        }
        closeToTrayExplain.setText(model.closeToTrayExplanation());

        startAtLoginBox.selectedProperty().bindBidirectional(model.startAtLoginProperty());
        startAtLoginBox.disableProperty().bind(model.startAtLoginBusyProperty()
                .or(javafx.beans.binding.Bindings.createBooleanBinding(() -> !model.startAtLoginAvailable())));
        startAtLoginExplain.setText(model.startAtLoginExplanation());
        startAtLoginError.textProperty().bind(model.startAtLoginErrorProperty());
        startAtLoginError.visibleProperty().bind(model.startAtLoginErrorProperty().isNotEmpty());
        startAtLoginError.managedProperty().bind(startAtLoginError.visibleProperty());
    }

    @FXML
    private void dndHour() {
        model.doNotDisturbForAnHour();
    }

    @FXML
    private void dndTomorrow() {
        model.doNotDisturbUntilTomorrow();
    }

    @FXML
    private void dndOff() {
        model.doNotDisturbOff();
    }
}
