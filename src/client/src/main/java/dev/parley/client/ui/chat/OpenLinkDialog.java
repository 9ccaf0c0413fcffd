package dev.parley.client.ui.chat;

import dev.parley.client.ui.FxmlView;
import dev.parley.client.ui.ViewLoader;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.stage.Window;

/** Asks before a link from a message opens in the browser, showing the address that will really open. */
final class OpenLinkDialog extends Dialog<Boolean> {
    @FXML private Label address;
    @FXML private HBox warning;
    @FXML private Label warningText;

    OpenLinkDialog(Window owner, MessageText.Link link) {
        initOwner(owner);
        setTitle(ViewLoader.text("link.dialog.title"));
        setHeaderText(null);
        ButtonType open = new ButtonType(ViewLoader.text("link.dialog.open"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(open, ButtonType.CANCEL);
        getDialogPane().setContent(ViewLoader.load(FxmlView.OPEN_LINK, this));
        address.setText(link.address().toString());
        warningText.setText(LinkWarnings.describe(link));
        warning.setVisible(link.suspicious());
        warning.setManaged(link.suspicious());
        if (link.suspicious()) {
            // Opening a look-alike should take a deliberate click: Enter cancels instead.
            ((Button) getDialogPane().lookupButton(open)).setDefaultButton(false);
            ((Button) getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        }
        setResultConverter(button -> button == open);
    }
}
