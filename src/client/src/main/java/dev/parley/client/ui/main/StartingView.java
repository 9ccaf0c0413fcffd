package dev.parley.client.ui.main;

import dev.parley.client.ui.FxmlView;
import dev.parley.client.ui.ViewLoader;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;

/** Shown while the demo server starts (and, on the first run, fills with demo history). */
public final class StartingView {
    private final Parent root;

    @FXML private Label detail;

    public StartingView() {
        this.root = ViewLoader.load(FxmlView.STARTING, this);
    }

    public Parent root() {
        return root;
    }

    /** Replaces the progress text, e.g. with a failure a person can act on. */
    public void showProblem(String text) {
        detail.setText(text);
    }
}
