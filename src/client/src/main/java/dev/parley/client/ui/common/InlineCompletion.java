package dev.parley.client.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.stage.PopupWindow;

/**
 * A small list above a text field offering what the text before the caret could become (":smi" → emoji,
 * "/pri" → a quick reply). Up and Down choose, Tab or Enter accepts, Esc dismisses until the text changes;
 * typing on narrows the list. What is offered and how it is inserted is the {@link Source}'s business.
 */
public final class InlineCompletion<T> {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    /** What to offer for the text before the caret, and what accepting one does. */
    public interface Source<T> {
        /** The offer for this text and caret, if any: where the typed part starts and what it could become. */
        Optional<Offer<T>> offer(String text, int caret);

        /** One row of the list (its style class, graphic and accessible text are set here). */
        Label row(T item);

        /** Replaces the typed part, {@code from} to {@code caret}, with the item. */
        void accept(T item, int from, int caret);
    }

    /** Items offered for a typed part that starts at {@code from}. */
    public record Offer<T>(int from, List<T> items) {
    }

    private final TextInputControl field;
    private final Source<T> source;
    private final Popup popup = new Popup();
    private final VBox list = new VBox(1);
    private final List<T> offered = new ArrayList<>();
    private int selected;
    private int typedFrom;
    private boolean dismissedHere;

    /** {@code styleClass} and {@code id} name the list for CSS and tests; {@code stylesheet} styles it. */
    public InlineCompletion(TextInputControl field, Source<T> source, String styleClass, String id, String stylesheet,
            String accessibleText) {
        this.field = field;
        this.source = source;
        list.getStyleClass().addAll("inline-completions", styleClass);
        list.getStylesheets().addAll(dev.parley.client.ui.ViewLoader.stylesheet("common/completion.css"), stylesheet);
        list.setAccessibleRole(AccessibleRole.LIST_VIEW);
        list.setAccessibleText(accessibleText);
        list.setId(id);
        popup.getContent().add(list);
        popup.setAutoHide(true);
        popup.setHideOnEscape(false);
        popup.setAnchorLocation(PopupWindow.AnchorLocation.CONTENT_BOTTOM_LEFT);
        // Keys typed into the field reach the open popup first: it takes the ones that steer it.
        popup.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        field.caretPositionProperty().addListener((obs, old, caret) -> update());
        field.textProperty().addListener((obs, old, text) -> {
            dismissedHere = false;
            update();
        });
        field.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                popup.hide();
            }
        });
    }

    public boolean isShowing() {
        return popup.isShowing();
    }

    /** Looks again (e.g. once what can be offered has loaded). */
    public void update() {
        Optional<Offer<T>> offer = dismissedHere ? Optional.empty()
                : source.offer(field.getText(), field.getCaretPosition());
        if (offer.isEmpty() || offer.get().items().isEmpty()) {
            popup.hide();
            return;
        }
        typedFrom = offer.get().from();
        offered.clear();
        offered.addAll(offer.get().items());
        selected = 0;
        List<Label> rows = new ArrayList<>();
        for (int i = 0; i < offered.size(); i++) {
            Label row = source.row(offered.get(i));
            row.getStyleClass().add("inline-completion");
            row.setMaxWidth(Double.MAX_VALUE);
            row.setAccessibleRole(AccessibleRole.LIST_ITEM);
            int index = i;
            row.setOnMouseClicked(event -> accept(index));
            rows.add(row);
        }
        list.getChildren().setAll(rows);
        showSelection();
        if (!popup.isShowing() && field.getScene() != null && field.getScene().getWindow() != null) {
            Bounds bounds = field.localToScreen(field.getBoundsInLocal());
            popup.show(field.getScene().getWindow(), bounds.getMinX(), bounds.getMinY() - 4);
        }
    }

    private void showSelection() {
        for (int i = 0; i < list.getChildren().size(); i++) {
            list.getChildren().get(i).pseudoClassStateChanged(SELECTED, i == selected);
        }
    }

    private void onKey(KeyEvent event) {
        switch (event.getCode()) {
            case UP -> selected = (selected + offered.size() - 1) % offered.size();
            case DOWN -> selected = (selected + 1) % offered.size();
            case TAB, ENTER -> {
                if (event.isShiftDown() || event.isControlDown()) {
                    return;
                }
                accept(selected);
            }
            case ESCAPE -> {
                dismissedHere = true;
                popup.hide();
            }
            default -> {
                return;
            }
        }
        showSelection();
        event.consume();
    }

    private void accept(int index) {
        if (index < 0 || index >= offered.size()) {
            return;
        }
        T item = offered.get(index);
        int caret = field.getCaretPosition();
        popup.hide();
        source.accept(item, typedFrom, caret);
    }
}
