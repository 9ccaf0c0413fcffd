package dev.parley.client.ui.privacy;

import dev.parley.client.sync.ChatSession;
import dev.parley.client.ui.FxmlView;
import dev.parley.client.ui.ViewLoader;
import dev.parley.protocol.DmPolicy;
import dev.parley.protocol.PresenceVisibility;
import java.util.Map;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.stage.Window;

/** The privacy dialog: who can send the user direct messages, read receipts, online status, blocked people. */
public final class PrivacyDialog extends Dialog<Void> {
    private final PrivacyViewModel model;

    @FXML private ToggleGroup policyGroup;
    @FXML private RadioButton everyone;
    @FXML private RadioButton friends;
    @FXML private RadioButton noOne;
    @FXML private javafx.scene.control.CheckBox readReceipts;
    @FXML private ToggleGroup presenceGroup;
    @FXML private RadioButton presenceFriends;
    @FXML private RadioButton presenceNobody;
    @FXML private Label errorLabel;
    @FXML private javafx.scene.layout.VBox blockedList;
    private final ChatSession session;

    public PrivacyDialog(Window owner, ChatSession session) {
        this.model = new PrivacyViewModel(session);
        this.session = session;
        initOwner(owner);
        setTitle(ViewLoader.text("privacy.title"));
        setHeaderText(null);
        ButtonType save = new ButtonType(ViewLoader.text("privacy.save"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        getDialogPane().setContent(ViewLoader.load(FxmlView.PRIVACY, this));
        Button saveButton = (Button) getDialogPane().lookupButton(save);
        saveButton.disableProperty().bind(model.busyProperty().or(model.dmPolicyProperty().isNull()));
        saveButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            model.save(this::close);
        });
        setResultConverter(button -> null);
        model.load();
        showBlocked();
        javafx.collections.SetChangeListener<String> blockedChanged = change -> showBlocked();
        session.blocked().addListener(blockedChanged);
        setOnHidden(event -> session.blocked().removeListener(blockedChanged));
    }

    /** One row per blocked person, each with an Unblock button. */
    private void showBlocked() {
        blockedList.getChildren().clear();
        if (session.blocked().isEmpty()) {
            Label none = new Label(ViewLoader.text("privacy.blocked.none"));
            none.getStyleClass().add("privacy-explain");
            blockedList.getChildren().add(none);
            return;
        }
        session.blocked().stream().sorted().forEach(handle -> {
            Label name = new Label("@" + handle);
            Button unblock = new Button(ViewLoader.text("privacy.unblock"));
            unblock.getStyleClass().add("small");
            unblock.setId("unblock-" + handle);
            unblock.setOnAction(event -> session.setBlocked(handle, false));
            javafx.scene.layout.HBox row = new javafx.scene.layout.HBox(name, unblock);
            row.getStyleClass().add("privacy-blocked-row");
            blockedList.getChildren().add(row);
        });
    }

    @FXML
    private void initialize() {
        Map<DmPolicy, RadioButton> buttons = Map.of(DmPolicy.EVERYONE, everyone, DmPolicy.FRIENDS, friends,
                DmPolicy.NO_ONE, noOne);
        buttons.forEach((policy, button) -> button.setUserData(policy));
        model.dmPolicyProperty().addListener((obs, old, policy) -> {
            if (policy != null && policyGroup.getSelectedToggle() != buttons.get(policy)) {
                policyGroup.selectToggle(buttons.get(policy));
            }
        });
        policyGroup.selectedToggleProperty().addListener((obs, old, toggle) -> {
            if (toggle != null) {
                model.dmPolicyProperty().set((DmPolicy) toggle.getUserData());
            }
        });
        // Until the current settings arrive, a choice made now would be overwritten by them.
        for (javafx.scene.control.Control choice : java.util.List.of(everyone, friends, noOne, readReceipts,
                presenceFriends, presenceNobody)) {
            choice.disableProperty().bind(model.busyProperty());
        }
        readReceipts.selectedProperty().bindBidirectional(model.readReceiptsProperty());
        presenceFriends.setUserData(PresenceVisibility.FRIENDS);
        presenceNobody.setUserData(PresenceVisibility.NOBODY);
        model.presenceProperty().addListener((obs, old, choice) -> presenceGroup.selectToggle(
                choice == PresenceVisibility.NOBODY ? presenceNobody : presenceFriends));
        presenceGroup.selectedToggleProperty().addListener((obs, old, toggle) -> {
            if (toggle != null) {
                model.presenceProperty().set((PresenceVisibility) toggle.getUserData());
            }
        });
        errorLabel.textProperty().bind(model.errorProperty());
        errorLabel.visibleProperty().bind(model.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
    }
}
