package dev.parley.client.ui.report;

import dev.parley.client.sync.ChatSession;
import dev.parley.client.ui.FxmlView;
import dev.parley.client.ui.ViewLoader;
import dev.parley.client.ui.common.Formats;
import dev.parley.client.ui.common.SaveLocation;
import dev.parley.protocol.Limits;
import dev.parley.protocol.Reply;
import dev.parley.protocol.ReportReason;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.property.StringProperty;
import javafx.css.PseudoClass;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The report dialog: why, an optional note and "also block"; once the server has the report, a confirmation
 * that offers to save the evidence. Its result is the receipt, or nothing when cancelled.
 */
public final class ReportDialog extends Dialog<Reply.ReportReceipt> {
    private static final PseudoClass OVER_LIMIT = PseudoClass.getPseudoClass("over-limit");

    private final ReportViewModel model;
    private final SaveLocation saveLocation;

    @FXML private VBox form;
    @FXML private VBox done;
    @FXML private Label heading;
    @FXML private ToggleGroup reasonGroup;
    @FXML private RadioButton spam;
    @FXML private RadioButton harassment;
    @FXML private RadioButton scam;
    @FXML private RadioButton impersonation;
    @FXML private RadioButton other;
    @FXML private TextArea noteArea;
    @FXML private Label noteHint;
    @FXML private Label evidenceText;
    @FXML private CheckBox blockCheck;
    @FXML private Label errorLabel;
    @FXML private Label doneText;
    @FXML private Label blockedText;
    @FXML private Button saveButton;
    @FXML private Label savedLabel;

    public ReportDialog(Window owner, ChatSession session, ReportViewModel.Target target, Formats formats,
            SaveLocation saveLocation) {
        this.model = new ReportViewModel(session, target, formats);
        this.saveLocation = saveLocation;
        initOwner(owner);
        setTitle(ViewLoader.text("report.title"));
        setHeaderText(null);
        ButtonType send = new ButtonType(ViewLoader.text("report.send"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(send, ButtonType.CANCEL);
        getDialogPane().setContent(ViewLoader.load(FxmlView.REPORT, this));
        Button sendButton = (Button) getDialogPane().lookupButton(send);
        sendButton.setId("sendReport");
        sendButton.getStyleClass().add("danger");
        sendButton.disableProperty().bind(model.canSendProperty().not());
        // Keep the dialog open while sending: on success it turns into the confirmation.
        sendButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            model.send();
        });
        model.receiptProperty().addListener((obs, old, receipt) -> showConfirmation());
        setResultConverter(button -> model.receiptProperty().get());
    }

    @FXML
    private void initialize() {
        ReportViewModel.Target target = model.target();
        String name = target.name();
        heading.setText(ViewLoader.text("report.heading", name, target.handle()));
        evidenceText.setText(ViewLoader.text("report.evidence", Limits.REPORT_EVIDENCE_MESSAGES, name));
        evidenceText.setVisible(target.conversationId() != null);
        evidenceText.setManaged(target.conversationId() != null);
        blockCheck.setText(ViewLoader.text("report.block", target.handle()));
        Map.of(ReportReason.SPAM, spam, ReportReason.HARASSMENT, harassment, ReportReason.SCAM, scam,
                ReportReason.IMPERSONATION, impersonation, ReportReason.OTHER, other)
                .forEach((reason, button) -> button.setUserData(reason));
        reasonGroup.selectedToggleProperty().addListener((obs, old, toggle) ->
                model.reasonProperty().set(toggle == null ? null : (ReportReason) toggle.getUserData()));
        noteArea.textProperty().bindBidirectional(model.noteProperty());
        noteHint.textProperty().bind(model.noteHintProperty());
        model.noteTooLongProperty().addListener((obs, was, over) ->
                noteHint.pseudoClassStateChanged(OVER_LIMIT, over));
        blockCheck.selectedProperty().bindBidirectional(model.blockProperty());
        form.disableProperty().bind(model.busyProperty().and(model.receiptProperty().isNull()));
        showWhenSet(errorLabel, model.errorProperty());
        showWhenSet(savedLabel, model.savedProperty());
        errorLabel.visibleProperty().addListener((obs, was, shown) -> fitWindow());
        savedLabel.visibleProperty().addListener((obs, was, shown) -> fitWindow());
        saveButton.disableProperty().bind(model.busyProperty());
        showOnly(form);
    }

    private static void showWhenSet(Label label, StringProperty text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(text.isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    private void showOnly(VBox state) {
        for (VBox each : new VBox[] {form, done}) {
            each.setVisible(each == state);
            each.setManaged(each == state);
        }
    }

    private void showConfirmation() {
        Reply.ReportReceipt receipt = model.receiptProperty().get();
        doneText.setText(model.confirmation());
        blockedText.setText(ViewLoader.text("report.done.blocked", receipt.reported().handle()));
        blockedText.setVisible(receipt.blocked());
        blockedText.setManaged(receipt.blocked());
        showOnly(done);
        getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        fitWindow();
        saveButton.requestFocus();
    }

    /**
     * Fits the window's height to what it shows now. Not {@code sizeToScene()}: that measures wrapped labels
     * as one long line, and the window then cuts them off.
     */
    private void fitWindow() {
        Platform.runLater(() -> {
            DialogPane pane = getDialogPane();
            Window window = pane.getScene().getWindow();
            if (window == null) {
                return;
            }
            pane.applyCss();
            double decorations = window.getHeight() - pane.getScene().getHeight();
            window.setHeight(Math.ceil(pane.prefHeight(pane.getWidth()) + decorations));
        });
    }

    @FXML
    private void saveEvidence() {
        saveLocation.choose(getDialogPane().getScene().getWindow(), ViewLoader.text("report.save.title"),
                model.suggestedFileName()).ifPresent(model::saveEvidence);
    }
}
