package dev.parley.client.ui.outreach;

import dev.parley.client.ui.ViewLoader;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Labels as removable chips, and a field to add one with suggestions from the labels already in use. Shows
 * {@code labels} and asks {@code add} to add a typed label; the owner's view model decides what is valid.
 */
final class LabelChips extends VBox {
    private final ObservableList<String> labels;
    private final FlowPane chips = new FlowPane(6, 6);
    private final ComboBox<String> entry = new ComboBox<>();

    LabelChips(String idPrefix, ObservableList<String> labels, ObservableList<String> suggestions,
            Consumer<String> add) {
        super(8);
        this.labels = labels;
        getStyleClass().add("label-chips");
        chips.getStyleClass().add("chips");
        entry.setId(idPrefix + "LabelEntry");
        entry.setEditable(true);
        entry.setItems(suggestions);
        entry.setPromptText(ViewLoader.text("outreach.labels.add.prompt"));
        entry.setAccessibleText(ViewLoader.text("outreach.labels.add"));
        entry.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(entry, javafx.scene.layout.Priority.ALWAYS);
        Button addButton = new Button(null, new FontIcon("fth-plus"));
        addButton.setId(idPrefix + "LabelAdd");
        addButton.getStyleClass().add("flat");
        addButton.setAccessibleText(ViewLoader.text("outreach.labels.add"));
        addButton.setTooltip(new Tooltip(ViewLoader.text("outreach.labels.add")));
        Runnable commit = () -> {
            String typed = entry.getEditor().getText();
            if (typed == null || typed.isBlank()) {
                typed = entry.getValue();
            }
            entry.getEditor().clear();
            entry.setValue(null);
            if (typed != null && !typed.isBlank()) {
                add.accept(typed);
            }
        };
        addButton.setOnAction(event -> commit.run());
        // Enter adds the label and goes no further: in a dialog it would otherwise press the default button.
        entry.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER) {
                event.consume();
                commit.run();
            }
        });
        // A suggestion chosen from the list adds it too.
        entry.setOnAction(event -> {
            String value = entry.getValue();
            if (value != null && !value.isBlank()) {
                javafx.application.Platform.runLater(commit);
            }
        });
        getChildren().addAll(chips, new HBox(4, entry, addButton));
        labels.addListener((ListChangeListener<String>) change -> showChips());
        showChips();
    }

    private void showChips() {
        List<javafx.scene.Node> shown = labels.stream().map(this::chip).toList();
        chips.getChildren().setAll(shown);
        if (shown.isEmpty()) {
            Label none = new Label(ViewLoader.text("outreach.labels.none"));
            none.getStyleClass().add("muted");
            chips.getChildren().add(none);
        }
    }

    private javafx.scene.Node chip(String label) {
        Label text = new Label(label);
        Button remove = new Button(null, new FontIcon("fth-x"));
        remove.getStyleClass().addAll("flat", "chip-remove");
        String removeText = ViewLoader.text("outreach.labels.remove", label);
        remove.setAccessibleText(removeText);
        remove.setTooltip(new Tooltip(removeText));
        remove.setOnAction(event -> labels.remove(label));
        HBox chip = new HBox(2, text, remove);
        chip.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        chip.getStyleClass().add("chip");
        chip.setId("chip-" + label);
        return chip;
    }
}
