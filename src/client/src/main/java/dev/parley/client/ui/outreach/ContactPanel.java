package dev.parley.client.ui.outreach;

import dev.parley.client.ui.FxmlView;
import dev.parley.client.ui.ViewLoader;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;

/** The side panel beside a 1:1 chat: private labels (chips) and a note about the person. */
public final class ContactPanel {
    private final ContactPanelViewModel model;
    private final Parent root;

    @FXML private VBox contactLabelsBox;
    @FXML private TextArea contactNote;
    @FXML private Label contactOptedOut;
    @FXML private Label contactStatus;
    @FXML private Label contactError;
    @FXML private Button saveContactButton;

    public ContactPanel(ContactPanelViewModel model) {
        this.model = model;
        this.root = ViewLoader.load(FxmlView.CONTACT_PANEL, this);
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        contactLabelsBox.getChildren().add(new LabelChips("contact", model.labels(), model.suggestions(),
                model::addLabel));
        contactNote.textProperty().bindBidirectional(model.noteProperty());
        bindMessage(contactOptedOut, model.optedOutProperty());
        bindMessage(contactStatus, model.statusProperty());
        bindMessage(contactError, model.errorProperty());
        saveContactButton.disableProperty().bind(model.busyProperty());
    }

    private static void bindMessage(Label label, javafx.beans.value.ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(text));
        label.managedProperty().bind(label.visibleProperty());
    }

    @FXML
    private void save() {
        model.save();
    }
}
