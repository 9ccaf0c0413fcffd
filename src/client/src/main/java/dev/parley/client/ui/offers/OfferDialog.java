package dev.parley.client.ui.offers;

import dev.parley.client.ui.FxmlView;
import dev.parley.client.ui.ViewLoader;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;

/** The "Offer…" dialog: title, description, optional code, and when it ends (presets or a date and time). */
public final class OfferDialog extends Dialog<Void> {
    private final OfferViewModel model;

    @FXML private TextField offerTitleField;
    @FXML private TextArea offerDescriptionField;
    @FXML private TextField offerCodeField;
    @FXML private FlowPane lengthBox;
    @FXML private HBox customBox;
    @FXML private DatePicker offerDate;
    @FXML private TextField offerTime;
    @FXML private Label offerSummary;
    @FXML private Label offerError;

    public OfferDialog(Window owner, OfferViewModel model) {
        this(owner, model, ViewLoader.text("offer.new.send"));
    }

    /** The dialog whose confirming button says {@code action} ("Send", "Attach"). */
    public OfferDialog(Window owner, OfferViewModel model, String action) {
        this.model = model;
        initOwner(owner);
        setTitle(ViewLoader.text("offer.new.title"));
        setHeaderText(null);
        ButtonType send = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(send, ButtonType.CANCEL);
        getDialogPane().setContent(ViewLoader.load(FxmlView.OFFER, this));
        Button sendButton = (Button) getDialogPane().lookupButton(send);
        sendButton.setId("sendOfferButton");
        sendButton.disableProperty().bind(model.canSendProperty().not());
        sendButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            model.send(this::close);
        });
        setResultConverter(button -> null);
        setOnShown(event -> Platform.runLater(offerTitleField::requestFocus));
    }

    @FXML
    private void initialize() {
        offerTitleField.textProperty().bindBidirectional(model.titleProperty());
        offerDescriptionField.textProperty().bindBidirectional(model.descriptionProperty());
        offerCodeField.textProperty().bindBidirectional(model.codeProperty());
        offerDate.valueProperty().bindBidirectional(model.dateProperty());
        offerTime.textProperty().bindBidirectional(model.timeProperty());
        ToggleGroup lengths = new ToggleGroup();
        for (OfferViewModel.Length length : OfferViewModel.Length.values()) {
            ToggleButton button = new ToggleButton(length.label());
            button.setId("offerLength" + length.name());
            button.setToggleGroup(lengths);
            button.setUserData(length);
            button.setSelected(model.lengthProperty().get() == length);
            lengthBox.getChildren().add(button);
        }
        lengths.selectedToggleProperty().addListener((obs, old, chosen) -> {
            if (chosen == null) {
                old.setSelected(true);
            } else {
                model.lengthProperty().set((OfferViewModel.Length) chosen.getUserData());
            }
        });
        customBox.visibleProperty().bind(model.lengthProperty().isEqualTo(OfferViewModel.Length.CUSTOM));
        customBox.managedProperty().bind(customBox.visibleProperty());
        offerSummary.textProperty().bind(model.summaryProperty());
        offerError.textProperty().bind(model.errorProperty());
        offerError.visibleProperty().bind(model.errorProperty().isNotEmpty());
        offerError.managedProperty().bind(offerError.visibleProperty());
    }
}
