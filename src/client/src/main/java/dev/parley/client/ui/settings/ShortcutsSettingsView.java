package dev.parley.client.ui.settings;

import dev.parley.client.ui.FxmlView;
import dev.parley.client.ui.Shortcut;
import dev.parley.client.ui.ViewLoader;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

/** The Shortcuts page: the keys and what they do, read from {@link Shortcut}. */
final class ShortcutsSettingsView {
    private final Parent root;

    @FXML private GridPane table;

    ShortcutsSettingsView() {
        this.root = ViewLoader.load(FxmlView.SETTINGS_SHORTCUTS, this);
    }

    Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        int row = 0;
        for (Shortcut shortcut : Shortcut.values()) {
            Label keys = new Label(shortcut.keysText());
            keys.getStyleClass().add("settings-keys");
            Label what = new Label(shortcut.description());
            what.setWrapText(true);
            table.addRow(row++, keys, what);
        }
    }
}
