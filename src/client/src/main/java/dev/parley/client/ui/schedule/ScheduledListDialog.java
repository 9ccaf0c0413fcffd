package dev.parley.client.ui.schedule;

import dev.parley.client.ui.FxmlView;
import dev.parley.client.ui.ViewLoader;
import dev.parley.protocol.ScheduledMessage;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The scheduled messages and follow-up of the open chat, each with Edit, Send now and Cancel. */
public final class ScheduledListDialog extends Dialog<Void> {
    private final ScheduledListViewModel model;

    @FXML private ListView<ScheduledMessage> scheduledList;
    @FXML private Label scheduledEmpty;
    @FXML private Label scheduledError;

    public ScheduledListDialog(Window owner, ScheduledListViewModel model) {
        this.model = model;
        initOwner(owner);
        setTitle(ViewLoader.text("scheduled.title"));
        setHeaderText(null);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        getDialogPane().setContent(ViewLoader.load(FxmlView.SCHEDULED_LIST, this));
        setResultConverter(button -> null);
    }

    @FXML
    private void initialize() {
        scheduledList.setItems(model.items());
        scheduledList.setCellFactory(list -> new Row());
        scheduledEmpty.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.items()));
        scheduledEmpty.managedProperty().bind(scheduledEmpty.visibleProperty());
        scheduledError.textProperty().bind(model.errorProperty());
        scheduledError.visibleProperty().bind(model.errorProperty().isNotEmpty());
        scheduledError.managedProperty().bind(scheduledError.visibleProperty());
    }

    private final class Row extends ListCell<ScheduledMessage> {
        private final Label when = new Label();
        private final Label badge = new Label(ViewLoader.text("scheduled.followUp"));
        private final Label text = new Label();
        private final Button edit = new Button(ViewLoader.text("scheduled.edit"));
        private final Button sendNow = new Button(ViewLoader.text("scheduled.sendNow"));
        private final Button cancel = new Button(ViewLoader.text("scheduled.cancel"));
        private final VBox box;

        Row() {
            when.getStyleClass().add("scheduled-when");
            badge.getStyleClass().add("scheduled-badge");
            text.getStyleClass().add("scheduled-text");
            text.setWrapText(true);
            text.setMaxHeight(48);
            for (Button button : new Button[] {edit, sendNow, cancel}) {
                button.getStyleClass().addAll("small", "flat");
            }
            cancel.getStyleClass().add("danger");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox top = new HBox(8, when, badge, gap, edit, sendNow, cancel);
            top.setAlignment(Pos.CENTER_LEFT);
            box = new VBox(4, top, text);
            box.getStyleClass().add("scheduled-row");
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(ScheduledMessage item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            when.setText(model.when(item));
            badge.setVisible(item.followUp());
            badge.setManaged(item.followUp());
            text.setText(item.message().text());
            edit.setOnAction(event -> new ScheduleDialog(getScene().getWindow(), model.edit(item)).showAndWait());
            sendNow.setOnAction(event -> model.sendNow(item));
            cancel.setOnAction(event -> model.cancel(item));
            setGraphic(box);
        }
    }
}
