package dev.parley.client.ui.offers;

import dev.parley.client.ui.FxmlView;
import dev.parley.client.ui.ViewLoader;
import dev.parley.client.ui.common.Formats;
import dev.parley.protocol.ProposalStatus;
import java.util.Arrays;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The "Proposals" window: all proposals sent and received with their status, filtered by direction and status;
 * double-click or Enter opens the chat at the proposal.
 */
public final class ProposalsDialog extends Dialog<Void> {
    private final ProposalsViewModel model;
    private final Formats formats;

    @FXML private HBox directionBox;
    @FXML private ComboBox<ProposalStatus> statusFilter;
    @FXML private ListView<ProposalsViewModel.Entry> proposalList;
    @FXML private Label proposalsEmpty;

    public ProposalsDialog(Window owner, ProposalsViewModel model, Formats formats) {
        this.model = model;
        this.formats = formats;
        initOwner(owner);
        setTitle(ViewLoader.text("proposals.title"));
        setHeaderText(null);
        setResizable(true);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        getDialogPane().setContent(ViewLoader.load(FxmlView.PROPOSALS, this));
        setResultConverter(button -> null);
        model.open();
        setOnHidden(event -> model.close());
    }

    @FXML
    private void initialize() {
        ToggleGroup directions = new ToggleGroup();
        for (ProposalsViewModel.Direction direction : ProposalsViewModel.Direction.values()) {
            ToggleButton button = new ToggleButton(ViewLoader.text("proposals.direction."
                    + direction.name().toLowerCase(java.util.Locale.ROOT)));
            button.setId("proposalsDirection" + direction.name());
            button.setToggleGroup(directions);
            button.setUserData(direction);
            button.setSelected(model.directionProperty().get() == direction);
            button.getStyleClass().add(direction.ordinal() == 0 ? "left-pill"
                    : direction.ordinal() == ProposalsViewModel.Direction.values().length - 1 ? "right-pill"
                    : "center-pill");
            directionBox.getChildren().add(button);
        }
        directions.selectedToggleProperty().addListener((obs, old, chosen) -> {
            if (chosen == null) {
                old.setSelected(true);
            } else {
                model.directionProperty().set((ProposalsViewModel.Direction) chosen.getUserData());
            }
        });
        statusFilter.getItems().add(null);
        statusFilter.getItems().addAll(Arrays.asList(ProposalStatus.values()));
        statusFilter.setConverter(new StringConverter<>() {
            @Override
            public String toString(ProposalStatus status) {
                return status == null ? ViewLoader.text("proposals.status.any")
                        : ViewLoader.text("proposal.status." + status.wireName());
            }

            @Override
            public ProposalStatus fromString(String text) {
                return null;
            }
        });
        statusFilter.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(ProposalStatus status, boolean empty) {
                super.updateItem(status, empty);
                setText(statusFilter.getConverter().toString(status));
            }
        });
        statusFilter.valueProperty().bindBidirectional(model.statusProperty());
        proposalList.setItems(model.shown());
        proposalList.setCellFactory(list -> new EntryCell());
        proposalList.setOnMouseClicked(event -> {
            if (event.getClickCount() == 2) {
                openSelected();
            }
        });
        proposalList.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                openSelected();
            }
        });
        proposalsEmpty.visibleProperty().bind(Bindings.isEmpty(model.shown()).and(model.loadedProperty()));
        proposalsEmpty.setMouseTransparent(true);
    }

    private void openSelected() {
        ProposalsViewModel.Entry entry = proposalList.getSelectionModel().getSelectedItem();
        if (entry != null) {
            model.open(entry);
            close();
        }
    }

    /** One proposal: the idea, with whom and when, and its status. */
    private final class EntryCell extends ListCell<ProposalsViewModel.Entry> {
        private final FontIcon arrow = new FontIcon();
        private final Label idea = new Label();
        private final Label meta = new Label();
        private final Label status = new Label();
        private final HBox row;

        EntryCell() {
            idea.getStyleClass().add("proposal-row-idea");
            meta.getStyleClass().add("proposal-row-meta");
            status.getStyleClass().add("proposal-row-status");
            status.setMinWidth(Region.USE_PREF_SIZE);
            arrow.getStyleClass().add("proposal-row-arrow");
            VBox texts = new VBox(2, idea, meta);
            HBox.setHgrow(texts, Priority.ALWAYS);
            texts.setMinWidth(0);
            row = new HBox(10, arrow, texts, status);
            row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(ProposalsViewModel.Entry entry, boolean empty) {
            super.updateItem(entry, empty);
            setText(null);
            if (empty || entry == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            arrow.setIconLiteral(entry.sent() ? "fth-arrow-up-right" : "fth-arrow-down-left");
            idea.setText(entry.idea());
            meta.setText(ViewLoader.text(entry.sent() ? "proposals.sentTo" : "proposals.receivedFrom", entry.with(),
                    formats.dateTime(entry.sentAt())));
            status.setText(ViewLoader.text("proposal.status." + entry.status().wireName()));
            status.getStyleClass().removeIf(c -> c.startsWith("status-"));
            status.getStyleClass().add("status-" + entry.status().wireName());
            setGraphic(row);
            setAccessibleText(String.join(". ", entry.idea(), meta.getText(), status.getText()));
        }
    }
}
