package dev.parley.client.ui.settings;

import atlantafx.base.theme.Styles;
import dev.parley.client.ui.FxmlView;
import dev.parley.client.ui.ViewLoader;
import dev.parley.client.ui.common.FingerprintLabel;
import java.util.Locale;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Trusted servers page: each pinned server with its fingerprint, and Forget. */
final class TrustedServersSettingsView {
    private final TrustedServersViewModel model;
    private final Parent root;

    @FXML private VBox trustedServerList;
    @FXML private Label trustedServersEmpty;
    @FXML private Label trustedServersError;

    TrustedServersSettingsView(TrustedServersViewModel model) {
        this.model = model;
        this.root = ViewLoader.load(FxmlView.SETTINGS_TRUSTED_SERVERS, this);
        model.load();
    }

    Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        trustedServerList.visibleProperty().bind(Bindings.isNotEmpty(model.servers()));
        trustedServerList.managedProperty().bind(trustedServerList.visibleProperty());
        trustedServersEmpty.visibleProperty().bind(model.emptyProperty());
        trustedServersEmpty.managedProperty().bind(trustedServersEmpty.visibleProperty());
        trustedServersError.textProperty().bind(model.errorProperty());
        trustedServersError.visibleProperty().bind(model.errorProperty().isNotEmpty());
        trustedServersError.managedProperty().bind(trustedServersError.visibleProperty());
        model.servers().addListener((ListChangeListener<TrustedServersViewModel.Server>) change -> showServers());
    }

    private void showServers() {
        trustedServerList.getChildren().setAll(model.servers().stream().map(this::row).toList());
    }

    private HBox row(TrustedServersViewModel.Server server) {
        String id = idOf(server);
        Label name = new Label(server.pin().server());
        name.getStyleClass().add("settings-server-name");
        // Never cut short with "…": only the whole address says which server it is.
        name.setMinWidth(Label.USE_PREF_SIZE);
        HBox heading = new HBox(name);
        heading.getStyleClass().add("settings-server-heading");
        if (server.current()) {
            Label current = new Label(ViewLoader.text("settings.servers.this"));
            current.getStyleClass().add("settings-this-server");
            heading.getChildren().add(current);
        }
        FingerprintLabel fingerprint = new FingerprintLabel(server.pin().fingerprint());
        fingerprint.getStyleClass().add("settings-fingerprint");
        fingerprint.setAccessibleText(ViewLoader.text("settings.servers.fingerprint", server.pin().fingerprint()));
        VBox about = new VBox(heading, fingerprint);
        about.getStyleClass().add("settings-server-about");
        HBox.setHgrow(about, Priority.ALWAYS);
        Button forget = new Button(ViewLoader.text("settings.servers.forget"));
        forget.getStyleClass().add(Styles.SMALL);
        forget.setMinWidth(Button.USE_PREF_SIZE);
        forget.setId("forget-" + id);
        forget.setAccessibleText(ViewLoader.text("settings.servers.forget.accessible", server.pin().server()));
        forget.setOnAction(event -> confirmForget(server));
        HBox row = new HBox(about, forget);
        row.getStyleClass().add("settings-server");
        row.setId("server-" + id);
        return row;
    }

    /** Asks first, with Cancel as the default button: forgetting takes a deliberate click. */
    private void confirmForget(TrustedServersViewModel.Server server) {
        ButtonType yes = new ButtonType(ViewLoader.text("settings.servers.confirm"), ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, ViewLoader.text(server.current()
                ? "settings.servers.confirm.thisText" : "settings.servers.confirm.text", server.pin().server()),
                yes, ButtonType.CANCEL);
        alert.initOwner(root.getScene().getWindow());
        alert.setTitle(ViewLoader.text("settings.servers.confirm.title"));
        alert.setHeaderText(null);
        Button forget = (Button) alert.getDialogPane().lookupButton(yes);
        forget.setDefaultButton(false);
        forget.setId("forgetServerConfirm");
        forget.getStyleClass().add(Styles.DANGER);
        Button cancel = (Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setDefaultButton(true);
        cancel.setId("forgetServerCancel");
        // The dialog focuses its first button while it shows: move the focus to Cancel after that.
        alert.setOnShown(event -> Platform.runLater(cancel::requestFocus));
        alert.showAndWait().filter(yes::equals).ifPresent(answer -> model.forget(server));
    }

    /** A node id for the server: letters, digits and dashes only, so it can stand in a CSS selector. */
    private static String idOf(TrustedServersViewModel.Server server) {
        return (server.pin().host() + "-" + server.pin().port()).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
