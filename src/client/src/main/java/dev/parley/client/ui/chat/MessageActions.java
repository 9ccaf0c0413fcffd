package dev.parley.client.ui.chat;

import dev.parley.client.model.MessageItem;
import dev.parley.client.store.MessageStatus;
import dev.parley.client.ui.ViewLoader;
import dev.parley.client.ui.emoji.EmojiRuns;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.layout.HBox;
import javafx.scene.control.MenuItem;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Clipboard;
import javafx.stage.Window;

/**
 * The menu a message bubble opens on right-click: a row of quick reactions and Reply (sent messages), copy, unsend
 * (own, sent messages) and delete for me.
 */
final class MessageActions {
    /** The quick reactions, as Signal and Telegram offer them. */
    static final List<String> QUICK_REACTIONS = List.of("👍", "❤️", "😂", "😮", "😢", "🙏");

    /** The quick reactions' pictures, as large as the menu's text allows comfortably. */
    private static final double QUICK_REACTION_SIZE = 24;

    private final ChatViewModel model;

    MessageActions(ChatViewModel model) {
        this.model = model;
    }

    /** The items that make sense for this message now (none while it is still being sent). */
    ContextMenu menuFor(MessageItem message, Window owner) {
        ContextMenu menu = new ContextMenu();
        boolean unsent = message.unsentProperty().get();
        MessageStatus status = message.statusProperty().get();
        // A poll takes votes, not reactions or replies, and cannot be unsent (the server refuses all three).
        boolean poll = message.pollProperty().get() != null;
        if (!unsent && !poll && message.seqProperty().get() > 0) {
            menu.getItems().add(quickReactions(message, menu));
            menu.getItems().add(item("reply", ViewLoader.text("chat.action.reply"), () -> model.reply(message)));
            if (model.mayPin()) {
                menu.getItems().add(item("pin", ViewLoader.text(model.isPinned(message) ? "chat.action.unpin"
                        : "chat.action.pin"), () -> model.togglePin(message)));
            }
            menu.getItems().add(new SeparatorMenuItem());
        }
        if (!unsent) {
            menu.getItems().add(item("copy", ViewLoader.text("chat.action.copy"), () -> copy(message)));
        }
        if (!poll && message.mine() && status == MessageStatus.SENT && !unsent) {
            menu.getItems().add(item("unsend", ViewLoader.text("chat.action.unsend"), () -> unsend(message, owner)));
        } else if (!poll && !unsent && model.mayDeleteForEveryone(message)) {
            // A group's owner or admin deletes someone else's message the same way: a tombstone for everyone.
            menu.getItems().add(item("delete-for-everyone", ViewLoader.text("chat.action.deleteForEveryone"),
                    () -> unsend(message, owner)));
        }
        if (status != MessageStatus.SENDING) {
            menu.getItems().add(item("delete-for-me", ViewLoader.text("chat.action.deleteForMe"),
                    () -> model.deleteForMe(message)));
        }
        return menu;
    }

    /** One row of emoji buttons; the user's current reaction is highlighted, and choosing it again takes it back. */
    private CustomMenuItem quickReactions(MessageItem message, ContextMenu menu) {
        String mine = model.myReaction(message);
        HBox row = new HBox(2);
        row.getStyleClass().add("quick-reactions");
        for (String emoji : QUICK_REACTIONS) {
            Button button = new Button();
            button.getStyleClass().addAll("flat", "quick-reaction");
            if (emoji.equals(mine)) {
                button.getStyleClass().add("mine");
            }
            String name = EmojiRuns.picture(emoji, QUICK_REACTION_SIZE).map(picture -> {
                button.setGraphic(picture);
                String spoken = picture.getAccessibleText();
                return spoken.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + spoken.substring(1);
            }).orElseGet(() -> {
                button.setText(emoji);
                return emoji;
            });
            String react = ViewLoader.text("reaction.react", name);
            button.setAccessibleText(react);
            button.setTooltip(new javafx.scene.control.Tooltip(react));
            button.setOnAction(event -> {
                model.toggleReaction(message, emoji);
                menu.hide();
            });
            row.getChildren().add(button);
        }
        CustomMenuItem item = new CustomMenuItem(row, false);
        item.setId("message-react");
        return item;
    }

    private static MenuItem item(String id, String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId("message-" + id);
        item.setOnAction(event -> action.run());
        return item;
    }

    private static void copy(MessageItem message) {
        ClipboardContent content = new ClipboardContent();
        content.putString(message.text().isEmpty() ? BubbleQuote.snippetOf(message) : message.text());
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** Asks first, as Signal and Telegram do: unsending cannot be undone. */
    private void unsend(MessageItem message, Window owner) {
        ButtonType confirm = new ButtonType(ViewLoader.text("chat.unsend.confirm"), ButtonBar.ButtonData.OK_DONE);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, ViewLoader.text("chat.unsend.text"), confirm,
                ButtonType.CANCEL);
        ask.initOwner(owner);
        ask.setTitle(ViewLoader.text("chat.unsend.title"));
        ask.setHeaderText(ViewLoader.text("chat.unsend.title"));
        ask.showAndWait().filter(confirm::equals).ifPresent(yes -> model.unsend(message).exceptionally(error -> {
            Platform.runLater(() -> {
                Alert failed = new Alert(Alert.AlertType.ERROR, ViewLoader.text("chat.unsend.failed"));
                failed.initOwner(owner);
                failed.setHeaderText(null);
                failed.show();
            });
            return null;
        }));
    }
}
