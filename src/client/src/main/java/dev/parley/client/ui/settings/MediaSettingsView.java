package dev.parley.client.ui.settings;

import dev.parley.client.media.PhotoQuality;
import dev.parley.client.settings.AccountSettings;
import dev.parley.client.ui.FxmlView;
import dev.parley.client.ui.ViewLoader;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.util.StringConverter;

/** The Media page. */
final class MediaSettingsView {
    private final MediaSettingsViewModel model;
    private final Parent root;

    @FXML private ToggleGroup qualityGroup;
    @FXML private RadioButton standardButton;
    @FXML private RadioButton hdButton;
    @FXML private ComboBox<Long> capBox;
    @FXML private Label useLabel;
    @FXML private Button clearButton;

    MediaSettingsView(MediaSettingsViewModel model) {
        this.model = model;
        this.root = ViewLoader.load(FxmlView.SETTINGS_MEDIA, this);
        model.refreshUse();
    }

    Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        standardButton.setUserData(PhotoQuality.STANDARD);
        hdButton.setUserData(PhotoQuality.HD);
        Runnable showQuality = () -> qualityGroup.selectToggle(
                model.qualityProperty().get() == PhotoQuality.HD ? hdButton : standardButton);
        showQuality.run();
        model.qualityProperty().addListener((obs, old, quality) -> showQuality.run());
        qualityGroup.selectedToggleProperty().addListener((obs, old, toggle) -> {
            if (toggle != null) {
                model.qualityProperty().set((PhotoQuality) toggle.getUserData());
            }
        });
        capBox.getItems().setAll(AccountSettings.CACHE_CAPS);
        capBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Long bytes) {
                return bytes == null ? "" : model.capText(bytes);
            }

            @Override
            public Long fromString(String text) {
                return null;
            }
        });
        capBox.setValue(model.capProperty().get());
        // The account's settings may still be loading when the page first shows.
        model.capProperty().addListener((obs, old, cap) -> capBox.setValue(cap.longValue()));
        capBox.valueProperty().addListener((obs, old, cap) -> {
            if (cap != null) {
                model.capProperty().set(cap);
            }
        });
        useLabel.textProperty().bind(model.useProperty());
        clearButton.disableProperty().bind(model.busyProperty());
    }

    @FXML
    private void clear() {
        ButtonType yes = new ButtonType(ViewLoader.text("settings.cache.confirm"), ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, ViewLoader.text("settings.cache.confirm.text"), yes,
                ButtonType.CANCEL);
        alert.initOwner(root.getScene().getWindow());
        alert.setTitle(ViewLoader.text("settings.cache.clear"));
        alert.setHeaderText(null);
        alert.showAndWait().filter(yes::equals).ifPresent(answer -> model.clear());
    }
}
