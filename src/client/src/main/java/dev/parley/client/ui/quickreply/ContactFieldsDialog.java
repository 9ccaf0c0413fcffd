package dev.parley.client.ui.quickreply;

import dev.parley.client.ui.FxmlView;
import dev.parley.client.ui.ViewLoader;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

/** "Contact fields": what the user privately keeps about a person, for quick replies such as "{city}". */
public final class ContactFieldsDialog extends Dialog<Void> {
    private final ContactFieldsViewModel model;

    @FXML private Label contactFieldsIntro;
    @FXML private VBox contactFieldRows;
    @FXML private Label contactFieldsError;

    public ContactFieldsDialog(Window owner, ContactFieldsViewModel model, String displayName) {
        this.model = model;
        initOwner(owner);
        setTitle(ViewLoader.text("contactFields.title", displayName));
        setHeaderText(null);
        ButtonType save = new ButtonType(ViewLoader.text("contactFields.save"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        getDialogPane().setContent(ViewLoader.load(FxmlView.CONTACT_FIELDS, this));
        contactFieldsIntro.setText(ViewLoader.text("contactFields.intro", displayName));
        Button saveButton = (Button) getDialogPane().lookupButton(save);
        saveButton.setId("saveContactFieldsButton");
        saveButton.disableProperty().bind(model.busyProperty());
        saveButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            model.save(this::close);
        });
        setResultConverter(button -> null);
    }

    @FXML
    private void initialize() {
        contactFieldsError.textProperty().bind(model.errorProperty());
        contactFieldsError.visibleProperty().bind(model.errorProperty().isNotEmpty());
        contactFieldsError.managedProperty().bind(contactFieldsError.visibleProperty());
        model.fields().addListener((ListChangeListener<ContactFieldsViewModel.Field>) change -> showRows());
        showRows();
    }

    @FXML
    private void addField() {
        model.addField();
    }

    private void showRows() {
        contactFieldRows.getChildren().clear();
        int index = 0;
        for (ContactFieldsViewModel.Field field : model.fields()) {
            TextField name = new TextField();
            name.setId("fieldName" + index);
            name.setPromptText(ViewLoader.text("contactFields.name"));
            name.setAccessibleText(ViewLoader.text("contactFields.name"));
            name.setPrefColumnCount(10);
            name.textProperty().bindBidirectional(field.name());
            TextField value = new TextField();
            value.setId("fieldValue" + index);
            value.setPromptText(ViewLoader.text("contactFields.value"));
            value.setAccessibleText(ViewLoader.text("contactFields.value"));
            value.textProperty().bindBidirectional(field.value());
            HBox.setHgrow(value, Priority.ALWAYS);
            Button remove = new Button(null, new FontIcon("fth-x"));
            remove.getStyleClass().add("flat");
            remove.setAccessibleText(ViewLoader.text("contactFields.remove"));
            remove.setTooltip(new Tooltip(ViewLoader.text("contactFields.remove")));
            remove.setOnAction(event -> model.remove(field));
            contactFieldRows.getChildren().add(new HBox(6, name, value, remove));
            index++;
        }
    }
}
