package dev.parley.client.ui.outreach;

import dev.parley.client.ui.FxmlView;
import dev.parley.client.ui.ViewLoader;
import dev.parley.protocol.Broadcast;
import dev.parley.protocol.Segment;
import javafx.fxml.FXML;
import dev.parley.client.ui.offers.OfferDialog;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** "Broadcasts": past broadcasts with live results, and a new one with preview before sending. */
public final class BroadcastsDialog extends Dialog<Void> {
    private final BroadcastsViewModel model;

    @FXML private ListView<Broadcast> broadcastList;
    @FXML private VBox composePane;
    @FXML private VBox resultsPane;
    @FXML private ComboBox<Segment> segmentChoice;
    @FXML private Button editSegmentButton;
    @FXML private TextArea broadcastText;
    @FXML private Button previewButton;
    @FXML private Button attachOfferButton;
    @FXML private HBox attachedOfferBox;
    @FXML private Label attachedOffer;
    @FXML private Button sendBroadcastButton;
    @FXML private VBox previewExamples;
    @FXML private Label previewSummary;
    @FXML private Label broadcastError;
    @FXML private Label resultHeading;
    @FXML private Label resultText;
    @FXML private Label resultCounts;
    @FXML private ListView<BroadcastsViewModel.Outcome> recipientList;

    public BroadcastsDialog(Window owner, BroadcastsViewModel model) {
        this.model = model;
        initOwner(owner);
        setTitle(ViewLoader.text("outreach.broadcasts.title"));
        setHeaderText(null);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        getDialogPane().setContent(ViewLoader.load(FxmlView.BROADCASTS, this));
        getDialogPane().setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        setResultConverter(button -> null);
    }

    @FXML
    private void initialize() {
        broadcastList.setItems(model.broadcasts());
        broadcastList.setCellFactory(list -> new BroadcastCell());
        broadcastList.setPlaceholder(new Label(ViewLoader.text("outreach.broadcasts.none")));
        broadcastList.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null && (model.selectedProperty().get() == null
                    || model.selectedProperty().get().id() != now.id())) {
                model.select(now);
            }
        });
        model.selectedProperty().addListener((obs, was, now) -> {
            if (now == null) {
                broadcastList.getSelectionModel().clearSelection();
                return;
            }
            broadcastList.getItems().stream().filter(b -> b.id() == now.id()).findFirst()
                    .ifPresent(b -> broadcastList.getSelectionModel().select(b));
            resultHeading.setText(model.heading(now));
            resultText.setText(BroadcastsViewModel.summary(now));
            resultCounts.setText(BroadcastsViewModel.results(now));
        });
        composePane.visibleProperty().bind(model.composingProperty());
        composePane.managedProperty().bind(composePane.visibleProperty());
        resultsPane.visibleProperty().bind(model.composingProperty().not());
        resultsPane.managedProperty().bind(resultsPane.visibleProperty());

        segmentChoice.setItems(model.segments());
        segmentChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Segment segment) {
                return segment == null ? "" : segment.name();
            }

            @Override
            public Segment fromString(String name) {
                return null;
            }
        });
        segmentChoice.valueProperty().bindBidirectional(model.segmentProperty());
        editSegmentButton.disableProperty().bind(model.segmentProperty().isNull());
        broadcastText.textProperty().bindBidirectional(model.textProperty());
        attachedOffer.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                model.offerProperty().get() == null ? "" : ViewLoader.text("outreach.broadcast.offerLine",
                        model.offerProperty().get().title()), model.offerProperty()));
        attachedOfferBox.visibleProperty().bind(model.offerProperty().isNotNull());
        attachedOfferBox.managedProperty().bind(attachedOfferBox.visibleProperty());
        attachOfferButton.visibleProperty().bind(model.offerProperty().isNull());
        attachOfferButton.managedProperty().bind(attachOfferButton.visibleProperty());
        previewButton.disableProperty().bind(model.canPreviewProperty().not());
        sendBroadcastButton.disableProperty().bind(model.canSendProperty().not());
        model.examples().addListener((javafx.collections.ListChangeListener<BroadcastsViewModel.Example>) change ->
                showExamples());
        previewSummary.textProperty().bind(model.previewSummaryProperty());
        previewSummary.visibleProperty().bind(model.previewSummaryProperty().isNotEmpty());
        previewSummary.managedProperty().bind(previewSummary.visibleProperty());
        broadcastError.textProperty().bind(model.errorProperty());
        broadcastError.visibleProperty().bind(model.errorProperty().isNotEmpty());
        broadcastError.managedProperty().bind(broadcastError.visibleProperty());

        recipientList.setItems(model.outcomes());
        recipientList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(BroadcastsViewModel.Outcome item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                Label who = new Label(item.who());
                who.getStyleClass().add("recipient-name");
                Label outcome = new Label(item.outcome());
                outcome.getStyleClass().add("muted");
                setGraphic(new VBox(1, who, outcome));
                setText(null);
            }
        });
        showExamples();
    }

    private void showExamples() {
        previewExamples.getChildren().clear();
        for (BroadcastsViewModel.Example example : model.examples()) {
            Label to = new Label(example.to());
            to.getStyleClass().add("example-to");
            Label text = new Label(example.text());
            text.setWrapText(true);
            text.getStyleClass().add("example-text");
            VBox box = new VBox(2, to, text);
            box.getStyleClass().add("broadcast-example");
            previewExamples.getChildren().add(box);
        }
    }

    @FXML
    private void newBroadcast() {
        model.newBroadcast();
        broadcastText.requestFocus();
    }

    @FXML
    private void newSegment() {
        editSegment(null);
    }

    @FXML
    private void editSegment() {
        editSegment(model.segmentProperty().get());
    }

    private void editSegment(Segment segment) {
        new SegmentDialog(getDialogPane().getScene().getWindow(), new SegmentViewModel(model.outreach(), segment))
                .showAndWait().ifPresent(model::segmentSaved);
    }

    @FXML
    private void attachOffer() {
        new OfferDialog(getDialogPane().getScene().getWindow(), model.offerForm(),
                ViewLoader.text("outreach.broadcast.attachOffer.confirm")).showAndWait();
    }

    @FXML
    private void removeOffer() {
        model.offerProperty().set(null);
    }

    @FXML
    private void preview() {
        model.preview();
    }

    @FXML
    private void send() {
        model.send();
    }

    /** A past broadcast: segment and time, the text, and its results. */
    private final class BroadcastCell extends ListCell<Broadcast> {
        @Override
        protected void updateItem(Broadcast item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label heading = new Label(model.heading(item));
            heading.setWrapText(true);
            heading.getStyleClass().add("broadcast-heading");
            Label text = new Label(BroadcastsViewModel.summary(item));
            text.getStyleClass().add("muted");
            Label results = new Label(BroadcastsViewModel.results(item));
            results.getStyleClass().add("broadcast-results");
            VBox box = new VBox(2, heading, text, results);
            box.setMaxWidth(230);
            setGraphic(box);
            setText(null);
        }
    }
}
