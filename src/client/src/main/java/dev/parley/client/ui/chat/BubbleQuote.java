package dev.parley.client.ui.chat;

import dev.parley.client.model.MessageItem;
import dev.parley.client.ui.ViewLoader;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The message a reply quotes, at the top of its bubble: who wrote it and the start of its text; a click scrolls
 * to it (loading older history when it is not loaded yet).
 */
final class BubbleQuote extends VBox {
    private static final int SNIPPET_CHARS = 90;

    private final ChatViewModel model;
    private final Label author = new Label();
    private final Label snippet = new Label();
    private Long target;

    BubbleQuote(ChatViewModel model) {
        super(1);
        this.model = model;
        getStyleClass().add("bubble-quote");
        author.getStyleClass().add("bubble-quote-author");
        snippet.getStyleClass().add("bubble-quote-text");
        getChildren().setAll(author, snippet);
        setCursor(Cursor.HAND);
        setOnMouseClicked(event -> {
            if (target != null) {
                model.jumpTo(target);
                event.consume();
            }
        });
    }

    void show(MessageItem message) {
        target = message == null || message.unsentProperty().get() ? null : message.replyTo();
        setVisible(target != null);
        setManaged(target != null);
        if (target == null) {
            return;
        }
        MessageItem quoted = model.loaded(target);
        author.setText(quoted == null ? ViewLoader.text("reply.earlier") : authorOf(model, quoted));
        snippet.setText(quoted == null ? ViewLoader.text("reply.tapToSee") : snippetOf(quoted));
        setAccessibleText(ViewLoader.text("reply.accessible", author.getText(), snippet.getText()));
    }

    static String authorOf(ChatViewModel model, MessageItem quoted) {
        return quoted.mine() ? ViewLoader.text("reply.you") : model.displayNameOf(quoted.sender());
    }

    static String snippetOf(MessageItem quoted) {
        if (quoted.unsentProperty().get()) {
            return ViewLoader.text("chat.unsent");
        }
        if (quoted.sticker() != null) {
            return dev.parley.client.ui.common.StickerWords.preview(quoted.sticker());
        }
        String text = quoted.text().strip().replaceAll("\\s+", " ");
        if (text.isEmpty() && quoted.offer() != null) {
            text = ViewLoader.text("offer.quote", quoted.offer().title());
        } else if (text.isEmpty() && quoted.proposalProperty().get() != null) {
            text = ViewLoader.text("proposal.quote", quoted.proposalProperty().get().idea());
        }
        if (text.isEmpty() && !quoted.media().isEmpty()) {
            return ViewLoader.text("conversations.photos", quoted.media().size());
        }
        return text.length() > SNIPPET_CHARS ? text.substring(0, SNIPPET_CHARS - 1) + "…" : text;
    }
}
