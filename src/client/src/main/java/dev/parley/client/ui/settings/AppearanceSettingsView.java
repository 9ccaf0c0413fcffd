package dev.parley.client.ui.settings;

import dev.parley.client.settings.AppearanceSettings;
import dev.parley.client.settings.Theme;
import dev.parley.client.ui.FxmlView;
import dev.parley.client.ui.ViewLoader;
import java.util.Map;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.util.StringConverter;

/** The Appearance page: light, dark or the system's theme, and the text size; both apply at once. */
final class AppearanceSettingsView {
    private final AppearanceSettings settings;
    private final Parent root;

    @FXML private ToggleGroup themeGroup;
    @FXML private RadioButton lightButton;
    @FXML private RadioButton darkButton;
    @FXML private RadioButton systemButton;
    @FXML private ComboBox<Integer> textSizeBox;

    AppearanceSettingsView(AppearanceSettings settings) {
        this.settings = settings;
        this.root = ViewLoader.load(FxmlView.SETTINGS_APPEARANCE, this);
    }

    Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        Map<Theme, RadioButton> buttons = Map.of(Theme.LIGHT, lightButton, Theme.DARK, darkButton,
                Theme.SYSTEM, systemButton);
        buttons.forEach((theme, button) -> button.setUserData(theme));
        themeGroup.selectToggle(buttons.get(settings.themeProperty().get()));
        themeGroup.selectedToggleProperty().addListener((obs, old, toggle) -> {
            if (toggle != null) {
                settings.themeProperty().set((Theme) toggle.getUserData());
            }
        });
        textSizeBox.getItems().setAll(AppearanceSettings.TEXT_SIZES);
        textSizeBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer size) {
                return size == null ? "" : ViewLoader.text(size == AppearanceSettings.DEFAULT_TEXT_SIZE
                        ? "settings.textSize.default" : "settings.textSize.px", size);
            }

            @Override
            public Integer fromString(String text) {
                return null;
            }
        });
        textSizeBox.setValue(settings.textSizeProperty().get());
        textSizeBox.valueProperty().addListener((obs, old, size) -> {
            if (size != null) {
                settings.textSizeProperty().set(size);
            }
        });
    }
}
