package dev.parley.client.ui.export;

import dev.parley.client.ui.FxmlView;
import dev.parley.client.ui.ViewLoader;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.stage.Window;

/** Shows an export's progress with Cancel, then where the files went. */
public final class ExportDialog extends Dialog<Void> {
    private final ExportViewModel model;

    @FXML private ProgressBar exportProgress;
    @FXML private Label exportStatus;

    public ExportDialog(Window owner, ExportViewModel model, String title) {
        this.model = model;
        initOwner(owner);
        setTitle(title);
        setHeaderText(null);
        getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, ButtonType.CLOSE);
        getDialogPane().setContent(ViewLoader.load(FxmlView.EXPORT, this));
        Button cancel = (Button) getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setId("cancelExportButton");
        Button close = (Button) getDialogPane().lookupButton(ButtonType.CLOSE);
        close.setId("closeExportButton");
        var running = model.stateProperty().isEqualTo(ExportViewModel.State.RUNNING);
        cancel.visibleProperty().bind(running);
        cancel.managedProperty().bind(running);
        close.visibleProperty().bind(running.not());
        close.managedProperty().bind(running.not());
        cancel.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            model.cancel();
        });
        setOnCloseRequest(event -> {
            if (model.stateProperty().get() == ExportViewModel.State.RUNNING) {
                model.cancel();
                event.consume();
            }
        });
        setResultConverter(button -> null);
    }

    @FXML
    private void initialize() {
        exportProgress.progressProperty().bind(model.progressProperty());
        exportStatus.textProperty().bind(model.statusProperty());
    }
}
