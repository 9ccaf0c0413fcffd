package dev.parley.client.ui.settings;

import dev.parley.client.ui.FxmlView;
import dev.parley.client.ui.ViewLoader;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;

/** The Privacy page: a summary, and the button to the privacy dialog. */
final class PrivacySettingsView {
    private final PrivacySummaryViewModel model;
    private final Runnable openPrivacy;
    private final Parent root;

    @FXML private Label dmsValue;
    @FXML private Label receiptsValue;
    @FXML private Label presenceValue;
    @FXML private Label blockedValue;

    PrivacySettingsView(PrivacySummaryViewModel model, Runnable openPrivacy) {
        this.model = model;
        this.openPrivacy = openPrivacy;
        this.root = ViewLoader.load(FxmlView.SETTINGS_PRIVACY, this);
        model.refresh();
    }

    Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        dmsValue.textProperty().bind(model.dmsProperty());
        receiptsValue.textProperty().bind(model.receiptsProperty());
        presenceValue.textProperty().bind(model.presenceProperty());
        blockedValue.textProperty().bind(model.blockedProperty());
    }

    @FXML
    private void openPrivacy() {
        openPrivacy.run();
        model.refresh();
    }
}
