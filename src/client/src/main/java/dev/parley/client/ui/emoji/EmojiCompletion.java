package dev.parley.client.ui.emoji;

import dev.parley.client.emoji.Emoji;
import dev.parley.client.emoji.EmojiMemory;
import dev.parley.client.emoji.SkinTone;
import dev.parley.client.ui.ViewLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.stage.PopupWindow;

/**
 * Inline emoji completion: typing a colon and two or more letters of a short name (":smi") offers matching emoji
 * in a small list above the field. Up and Down choose, Tab or Enter inserts in place of what was typed, Esc
 * dismisses; typing on narrows the list.
 */
public final class EmojiCompletion {
    /** A colon at the start or after a space, then at least two short-name characters, right before the caret. */
    private static final Pattern TYPED = Pattern.compile("(?:^|(?<=\\s)):([a-z0-9_+\\-]{2,})$",
            Pattern.CASE_INSENSITIVE);
    private static final int MOST = 6;
    private static final double EMOJI = 20;
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private final TextInputControl field;
    private final CompletableFuture<EmojiMemory> memory;
    private final Popup popup = new Popup();
    private final VBox list = new VBox(1);
    private final List<Emoji> offered = new ArrayList<>();
    private int selected;
    private int typedFrom;
    private boolean dismissedHere;

    /** What was typed: where its colon is, and the letters after it. */
    record Typed(int from, String prefix) {
    }

    EmojiCompletion(TextInputControl field, CompletableFuture<EmojiMemory> memory) {
        this.field = field;
        this.memory = memory;
        list.getStyleClass().add("emoji-completions");
        list.getStylesheets().add(ViewLoader.stylesheet("emoji/emoji.css"));
        list.setAccessibleRole(AccessibleRole.LIST_VIEW);
        list.setAccessibleText(ViewLoader.text("emoji.completions"));
        list.setId("emoji-completions");
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

    /** The short name being typed before {@code caret}, if any. */
    static Optional<Typed> typedBefore(String text, int caret) {
        if (text == null || caret < 0 || caret > text.length()) {
            return Optional.empty();
        }
        Matcher matcher = TYPED.matcher(text.substring(0, caret));
        return matcher.find() ? Optional.of(new Typed(matcher.start(), matcher.group(1))) : Optional.empty();
    }

    public boolean isShowing() {
        return popup.isShowing();
    }

    private void update() {
        Optional<Typed> typed = typedBefore(field.getText(), field.getCaretPosition());
        Optional<EmojiImages> images = EmojiImages.ifReady();
        if (typed.isEmpty() || images.isEmpty() || dismissedHere) {
            popup.hide();
            return;
        }
        List<Emoji> found = images.get().catalogue().completions(typed.get().prefix());
        if (found.isEmpty()) {
            popup.hide();
            return;
        }
        typedFrom = typed.get().from();
        offered.clear();
        offered.addAll(found.subList(0, Math.min(MOST, found.size())));
        selected = 0;
        show(images.get(), typed.get().prefix().toLowerCase(java.util.Locale.ROOT));
    }

    private void show(EmojiImages images, String prefix) {
        SkinTone tone = tone();
        List<Label> rows = new ArrayList<>();
        for (int i = 0; i < offered.size(); i++) {
            Emoji emoji = offered.get(i);
            String shortName = emoji.shortNames().stream().filter(name -> name.startsWith(prefix)).findFirst()
                    .orElse(emoji.shortName());
            ImageView picture = new ImageView(images.image(emoji.in(tone), EMOJI));
            picture.setFitWidth(EMOJI);
            picture.setFitHeight(EMOJI);
            picture.setSmooth(true);
            Label row = new Label(":" + shortName + ":", picture);
            row.getStyleClass().add("emoji-completion");
            row.setMaxWidth(Double.MAX_VALUE);
            row.setAccessibleRole(AccessibleRole.LIST_ITEM);
            row.setAccessibleText(ViewLoader.text("emoji.completion.accessible", emoji.displayName(), shortName));
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

    /** Replaces the typed ":smi" with the chosen emoji, in the person's skin tone. */
    private void accept(int index) {
        if (index < 0 || index >= offered.size()) {
            return;
        }
        Emoji emoji = offered.get(index);
        int caret = field.getCaretPosition();
        popup.hide();
        field.selectRange(typedFrom, caret);
        field.replaceSelection(emoji.in(tone()).text());
        memory.thenAccept(remembered -> remembered.used(emoji));
    }

    private SkinTone tone() {
        return memory.isDone() && !memory.isCompletedExceptionally() ? memory.join().tone() : SkinTone.NONE;
    }
}
