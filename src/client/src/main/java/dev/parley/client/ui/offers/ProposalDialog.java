package dev.parley.client.ui.offers;

import dev.parley.client.ui.FxmlView;
import dev.parley.client.ui.ViewLoader;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Window;

/** The "Propose a collaboration…" dialog: the idea, what each side brings and gains, timeline, deliverables. */
public final class ProposalDialog extends Dialog<Void> {
    private final ProposalViewModel model;

    @FXML private TextArea proposalIdeaField;
    @FXML private TextArea youBringField;
    @FXML private TextArea theyBringField;
    @FXML private TextArea youGainField;
    @FXML private TextArea theyGainField;
    @FXML private Label theyBringLabel;
    @FXML private Label theyGainLabel;
    @FXML private TextField timelineField;
    @FXML private TextArea deliverablesField;
    @FXML private Label proposalError;

    public ProposalDialog(Window owner, ProposalViewModel model) {
        this.model = model;
        initOwner(owner);
        setTitle(ViewLoader.text("proposal.new.title", model.peerName()));
        setHeaderText(null);
        ButtonType send = new ButtonType(ViewLoader.text("proposal.new.send"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(send, ButtonType.CANCEL);
        getDialogPane().setContent(ViewLoader.load(FxmlView.PROPOSAL, this));
        Button sendButton = (Button) getDialogPane().lookupButton(send);
        sendButton.setId("sendProposalButton");
        sendButton.disableProperty().bind(model.canSendProperty().not());
        sendButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            model.send(this::close);
        });
        setResultConverter(button -> null);
        setOnShown(event -> Platform.runLater(proposalIdeaField::requestFocus));
    }

    @FXML
    private void initialize() {
        theyBringLabel.setText(ViewLoader.text("proposal.theyBring", model.peerName()));
        theyGainLabel.setText(ViewLoader.text("proposal.theyGain", model.peerName()));
        theyBringField.setAccessibleText(theyBringLabel.getText());
        theyGainField.setAccessibleText(theyGainLabel.getText());
        proposalIdeaField.textProperty().bindBidirectional(model.ideaProperty());
        youBringField.textProperty().bindBidirectional(model.youBringProperty());
        theyBringField.textProperty().bindBidirectional(model.theyBringProperty());
        youGainField.textProperty().bindBidirectional(model.youGainProperty());
        theyGainField.textProperty().bindBidirectional(model.theyGainProperty());
        timelineField.textProperty().bindBidirectional(model.timelineProperty());
        deliverablesField.textProperty().bindBidirectional(model.deliverablesProperty());
        proposalError.textProperty().bind(model.errorProperty());
        proposalError.visibleProperty().bind(model.errorProperty().isNotEmpty());
        proposalError.managedProperty().bind(proposalError.visibleProperty());
    }
}
