package dev.parley.client.ui.newmessage;

import dev.parley.client.sync.ChatSession;
import dev.parley.client.ui.FxmlView;
import dev.parley.client.ui.ViewLoader;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Window;

/** The "New message" dialog; its result is the id of the opened conversation. */
public final class NewMessageDialog extends Dialog<Long> {
    private final NewMessageViewModel model;

    @FXML private TextField handleField;
    @FXML private Label errorLabel;

    public NewMessageDialog(Window owner, ChatSession session) {
        this.model = new NewMessageViewModel(session);
        initOwner(owner);
        setTitle(ViewLoader.text("newMessage.title"));
        setHeaderText(null);
        ButtonType start = new ButtonType(ViewLoader.text("newMessage.start"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(start, ButtonType.CANCEL);
        getDialogPane().setContent(ViewLoader.load(FxmlView.NEW_MESSAGE, this));
        Button startButton = (Button) getDialogPane().lookupButton(start);
        startButton.disableProperty().bind(model.canSubmitProperty().not());
        // Keep the dialog open while looking the person up; close it only when the conversation is open.
        startButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            model.submit(id -> {
                setResult(id);
                close();
            });
        });
        setResultConverter(button -> null);
        setOnShown(event -> handleField.requestFocus());
    }

    @FXML
    private void initialize() {
        handleField.textProperty().bindBidirectional(model.handleProperty());
        errorLabel.textProperty().bind(model.errorProperty());
        errorLabel.visibleProperty().bind(model.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
    }
}
