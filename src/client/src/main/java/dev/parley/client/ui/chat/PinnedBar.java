package dev.parley.client.ui.chat;

import dev.parley.client.model.ConversationItem;
import dev.parley.client.model.MessageItem;
import dev.parley.client.ui.ViewLoader;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The bar under the chat header while messages are pinned: the newest pin first; each click scrolls to the one
 * shown and moves on to the one pinned before it, as Telegram does.
 */
final class PinnedBar extends HBox {
    private final ChatViewModel model;
    private final Label title = new Label();
    private final Label snippet = new Label();
    private final InvalidationListener refresh = observable -> show();
    private final ChangeListener<ConversationItem> follow = (obs, old, now) -> watch(old, now);
    /** Which pin shows, counted from the newest. */
    private int fromNewest;

    PinnedBar(ChatViewModel model) {
        super(10);
        this.model = model;
        FontIcon icon = new FontIcon("fth-bookmark");
        icon.getStyleClass().add("pinned-bar-icon");
        title.getStyleClass().add("pinned-bar-title");
        snippet.getStyleClass().add("pinned-bar-text");
        VBox texts = new VBox(1, title, snippet);
        HBox.setHgrow(texts, Priority.ALWAYS);
        getChildren().setAll(icon, texts);
        getStyleClass().add("pinned-bar");
        setId("pinnedBar");
        setAlignment(Pos.CENTER_LEFT);
        setCursor(Cursor.HAND);
        setOnMouseClicked(event -> open());
        model.conversationProperty().addListener(follow);
        model.messages().addListener(refresh);
        watch(null, model.conversationProperty().get());
    }

    private void watch(ConversationItem old, ConversationItem now) {
        if (old != null) {
            old.pinnedProperty().removeListener(refresh);
        }
        if (now != null) {
            now.pinnedProperty().addListener(refresh);
        }
        fromNewest = 0;
        show();
    }

    private List<Long> pinned() {
        ConversationItem item = model.conversationProperty().get();
        return item == null ? List.of() : item.pinnedProperty().get();
    }

    private void show() {
        List<Long> pinned = pinned();
        setVisible(!pinned.isEmpty());
        setManaged(!pinned.isEmpty());
        if (pinned.isEmpty()) {
            return;
        }
        fromNewest = Math.min(fromNewest, pinned.size() - 1);
        long seq = pinned.get(pinned.size() - 1 - fromNewest);
        title.setText(pinned.size() == 1 ? ViewLoader.text("pinned.title")
                : ViewLoader.text("pinned.titleMany", pinned.size() - fromNewest, pinned.size()));
        MessageItem message = model.loaded(seq);
        snippet.setText(message == null ? ViewLoader.text("reply.tapToSee") : BubbleQuote.snippetOf(message));
        setAccessibleText(ViewLoader.text("pinned.accessible", snippet.getText()));
    }

    /** Scrolls to the pin shown, then shows the one before it (from the oldest back to the newest). */
    private void open() {
        List<Long> pinned = pinned();
        if (pinned.isEmpty()) {
            return;
        }
        model.jumpTo(pinned.get(pinned.size() - 1 - Math.min(fromNewest, pinned.size() - 1)));
        fromNewest = (fromNewest + 1) % pinned.size();
        show();
    }
}
