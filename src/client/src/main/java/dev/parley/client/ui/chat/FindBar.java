package dev.parley.client.ui.chat;

import dev.parley.client.ui.ViewLoader;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The find bar above the messages (Ctrl+F): a field, "2 of 7", buttons to the older and newer match, and a
 * close button. Enter goes to the older match, Shift+Enter to the newer one, Esc closes.
 */
final class FindBar extends HBox {
    private final FindInChat find;
    private final TextField field = new TextField();

    FindBar(FindInChat find) {
        super(6);
        this.find = find;
        getStyleClass().add("find-bar");
        setId("findBar");
        setAlignment(Pos.CENTER_LEFT);
        FontIcon icon = new FontIcon("fth-search");
        icon.getStyleClass().add("find-bar-icon");
        field.setId("findField");
        field.getStyleClass().add("find-field");
        field.setPromptText(ViewLoader.text("find.prompt"));
        field.setAccessibleText(ViewLoader.text("find.prompt"));
        field.textProperty().bindBidirectional(find.queryProperty());
        HBox.setHgrow(field, Priority.ALWAYS);
        Label count = new Label();
        count.setId("findCount");
        count.getStyleClass().add("find-count");
        count.textProperty().bind(find.statusProperty());
        count.setMinWidth(Label.USE_PREF_SIZE);
        Button older = iconButton("findOlder", "fth-chevron-up", "find.older", find::older);
        Button newer = iconButton("findNewer", "fth-chevron-down", "find.newer", find::newer);
        older.disableProperty().bind(find.foundProperty().not());
        newer.disableProperty().bind(find.foundProperty().not());
        Button close = iconButton("findClose", "fth-x", "find.close", find::close);
        getChildren().setAll(icon, field, count, older, newer, close);
        visibleProperty().bind(find.openProperty());
        managedProperty().bind(visibleProperty());
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    }

    /** The field, for the window's Tab order. */
    TextField field() {
        return field;
    }

    /** Shows the bar (if hidden) and puts the caret in its field with what was typed selected. */
    void focus() {
        Platform.runLater(() -> {
            field.requestFocus();
            field.selectAll();
        });
    }

    private void onKey(KeyEvent event) {
        if (event.getCode() == KeyCode.ESCAPE) {
            find.close();
            event.consume();
        } else if (event.getCode() == KeyCode.ENTER) {
            if (event.isShiftDown()) {
                find.newer();
            } else {
                find.older();
            }
            event.consume();
        }
    }

    private static Button iconButton(String id, String icon, String key, Runnable action) {
        Button button = new Button(null, new FontIcon(icon));
        button.setId(id);
        button.getStyleClass().addAll("button-icon", "flat", "find-button");
        button.setAccessibleText(ViewLoader.text(key));
        button.setTooltip(new Tooltip(ViewLoader.text(key)));
        button.setFocusTraversable(false);
        button.setOnAction(event -> action.run());
        return button;
    }
}
