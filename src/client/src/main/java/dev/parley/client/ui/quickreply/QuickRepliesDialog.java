package dev.parley.client.ui.quickreply;

import dev.parley.client.ui.FxmlView;
import dev.parley.client.ui.ViewLoader;
import dev.parley.protocol.QuickReply;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Window;

/** "Quick replies": create, edit, order and delete the answers inserted with "/name". */
public final class QuickRepliesDialog extends Dialog<Void> {
    private final QuickRepliesViewModel model;

    @FXML private ListView<QuickReply> quickReplyList;
    @FXML private TextField quickReplyName;
    @FXML private TextArea quickReplyText;
    @FXML private Label quickReplyPreviewTitle;
    @FXML private Label quickReplyPreview;
    @FXML private Label quickReplyError;
    @FXML private Button saveQuickReplyButton;
    @FXML private Button deleteQuickReplyButton;
    @FXML private Button moveUpButton;
    @FXML private Button moveDownButton;

    public QuickRepliesDialog(Window owner, QuickRepliesViewModel model) {
        this.model = model;
        initOwner(owner);
        setTitle(ViewLoader.text("quickReply.title"));
        setHeaderText(null);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        getDialogPane().setContent(ViewLoader.load(FxmlView.QUICK_REPLIES, this));
        setResultConverter(button -> null);
    }

    @FXML
    private void initialize() {
        quickReplyList.setItems(model.templates());
        quickReplyList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(QuickReply item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : "/" + item.name());
            }
        });
        quickReplyList.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((obs, was, now) -> {
            if (now == null) {
                quickReplyList.getSelectionModel().clearSelection();
            } else {
                quickReplyList.getItems().stream().filter(t -> t.id() == now.id()).findFirst()
                        .ifPresent(quickReplyList.getSelectionModel()::select);
            }
        });
        quickReplyName.textProperty().bindBidirectional(model.nameProperty());
        quickReplyText.textProperty().bindBidirectional(model.textProperty());
        quickReplyPreviewTitle.setText(model.previewTitle());
        quickReplyPreview.textProperty().bind(model.previewProperty());
        quickReplyError.textProperty().bind(model.errorProperty());
        quickReplyError.visibleProperty().bind(model.errorProperty().isNotEmpty());
        quickReplyError.managedProperty().bind(quickReplyError.visibleProperty());
        saveQuickReplyButton.disableProperty().bind(model.canSaveProperty().not());
        var none = model.selectedProperty().isNull();
        deleteQuickReplyButton.disableProperty().bind(none);
        moveUpButton.disableProperty().bind(none);
        moveDownButton.disableProperty().bind(none);
    }

    @FXML
    private void newReply() {
        model.newReply();
        quickReplyName.requestFocus();
    }

    @FXML
    private void save() {
        model.save();
    }

    @FXML
    private void delete() {
        model.delete();
    }

    @FXML
    private void moveUp() {
        model.move(-1);
    }

    @FXML
    private void moveDown() {
        model.move(1);
    }
}
