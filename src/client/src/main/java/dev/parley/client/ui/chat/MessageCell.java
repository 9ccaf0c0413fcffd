package dev.parley.client.ui.chat;

import dev.parley.client.model.MessageItem;
import dev.parley.client.store.MessageStatus;
import dev.parley.client.ui.ViewLoader;
import dev.parley.client.ui.common.StickerWords;
import dev.parley.client.ui.emoji.EmojiRuns;
import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Draws a chat row: a day separator, or a bubble (own on the right) with its text, emoji and links, its time
 * and delivery status. A message of only one to three emoji shows them large, without the bubble.
 */
final class MessageCell extends ListCell<ChatRow> {
    private static final PseudoClass MINE = PseudoClass.getPseudoClass("mine");
    private static final PseudoClass FIRST = PseudoClass.getPseudoClass("first");
    private static final PseudoClass LAST = PseudoClass.getPseudoClass("last");
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    private static final PseudoClass UNSENT = PseudoClass.getPseudoClass("unsent");
    private static final PseudoClass JUMBO = PseudoClass.getPseudoClass("jumbo");
    private static final PseudoClass STICKER = PseudoClass.getPseudoClass("sticker");
    /** Bubbles take at most this share of the list's width. */
    private static final double MAX_BUBBLE_SHARE = 0.72;

    private final ChatViewModel model;
    private final Consumer<MessageItem> onRetry;
    private final Label day = new Label();
    private final HBox dayRow = new HBox(day);
    private final Label line = new Label();
    private final HBox lineRow = new HBox(line);
    private final BubbleText text;
    private final BubblePhotos photos;
    private final BubbleQuote quote;
    private final BubbleReactions reactions;
    private final BubbleCard card;
    private final BubblePoll poll;
    private final BubbleSticker sticker;
    private final BubbleOffer offer;
    private final BubbleProposal proposal;
    private final Label senderName = new Label();
    private final Label time = new Label();
    private final FontIcon status = new FontIcon();
    private final HBox meta = new HBox(4, time, status);
    private final VBox bubble = new VBox(2);
    private final Label failure = new Label();
    private final Label seen = new Label(ViewLoader.text("chat.seen"));
    private final VBox bubbleWithReason = new VBox(bubble, failure, seen);
    private final HBox bubbleRow = new HBox(bubbleWithReason);
    private final Tooltip statusTip = new Tooltip();
    private final InvalidationListener refresh = observable -> showBubble();
    private MessageItem shown;

    MessageCell(ListView<ChatRow> list, ChatViewModel model, Consumer<MessageItem> onRetry,
            Consumer<MessageText.Link> onLink, ChatPhotos chatPhotos, BubbleCard card, BubbleSticker sticker) {
        this.model = model;
        this.onRetry = onRetry;
        this.text = new BubbleText(onLink);
        this.photos = chatPhotos.bubblePhotos();
        this.quote = new BubbleQuote(model);
        this.reactions = new BubbleReactions(model);
        this.card = card;
        this.poll = new BubblePoll(model.polls());
        this.sticker = sticker;
        this.offer = new BubbleOffer(model.liveClock(), model.formats());
        this.proposal = new BubbleProposal(model.proposals(), model.formats());
        bubble.getChildren().setAll(senderName, quote, card, sticker, photos, offer, proposal, text, poll, meta,
                reactions);
        senderName.getStyleClass().add("bubble-sender");
        getStyleClass().add("message-cell");
        day.getStyleClass().add("day-separator");
        dayRow.setAlignment(Pos.CENTER);
        dayRow.getStyleClass().add("day-row");
        line.getStyleClass().add("system-line");
        line.setWrapText(true);
        line.maxWidthProperty().bind(list.widthProperty().multiply(MAX_BUBBLE_SHARE));
        lineRow.setAlignment(Pos.CENTER);
        lineRow.getStyleClass().add("system-line-row");
        text.setMinHeight(Region.USE_PREF_SIZE);
        time.getStyleClass().add("bubble-time");
        status.getStyleClass().add("bubble-status");
        meta.setAlignment(Pos.CENTER_RIGHT);
        meta.getStyleClass().add("bubble-meta");
        bubble.getStyleClass().add("bubble");
        bubble.setFillWidth(true);
        bubble.maxWidthProperty().bind(list.widthProperty().multiply(MAX_BUBBLE_SHARE));
        text.maxWidthProperty().bind(list.widthProperty().multiply(MAX_BUBBLE_SHARE).subtract(28));
        HBox.setHgrow(bubble, Priority.NEVER);
        bubbleRow.getStyleClass().add("bubble-row");
        failure.getStyleClass().add("bubble-failure");
        failure.setWrapText(true);
        failure.maxWidthProperty().bind(bubble.maxWidthProperty());
        bubbleWithReason.setAlignment(Pos.TOP_RIGHT);
        seen.getStyleClass().add("bubble-seen");
        seen.setId("seen-label");
        MessageActions actions = new MessageActions(model);
        setOnContextMenuRequested(event -> {
            if (shown != null) {
                actions.menuFor(shown, getScene().getWindow()).show(this, event.getScreenX(), event.getScreenY());
                event.consume();
            }
        });
        Tooltip.install(status, statusTip);
        status.setOnMouseClicked(event -> {
            if (shown != null && shown.statusProperty().get() == MessageStatus.FAILED) {
                onRetry.accept(shown);
            }
        });
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(ChatRow row, boolean empty) {
        if (shown != null) {
            shown.statusProperty().removeListener(refresh);
            shown.sentAtProperty().removeListener(refresh);
            shown.failureProperty().removeListener(refresh);
            shown.unsentProperty().removeListener(refresh);
            shown.reactionsProperty().removeListener(refresh);
            shown.pollProperty().removeListener(refresh);
            shown.proposalProperty().removeListener(refresh);
            shown = null;
        }
        super.updateItem(row, empty);
        setText(null);
        if (empty || row == null) {
            show(null);
            setAccessibleText(null);
        } else if (row instanceof ChatRow.Day separator) {
            offer.show(null);
            day.setText(model.formats().dayLabel(separator.day()));
            show(dayRow);
            setAccessibleText(day.getText());
        } else if (row instanceof ChatRow.Line systemLine) {
            photos.show(null);
            offer.show(null);
            line.setText(systemLine.text());
            show(lineRow);
            setAccessibleText(systemLine.text());
        } else {
            ChatRow.Bubble message = (ChatRow.Bubble) row;
            shown = message.message();
            shown.statusProperty().addListener(refresh);
            shown.sentAtProperty().addListener(refresh);
            shown.failureProperty().addListener(refresh);
            shown.unsentProperty().addListener(refresh);
            shown.reactionsProperty().addListener(refresh);
            shown.pollProperty().addListener(refresh);
            shown.proposalProperty().addListener(refresh);
            pseudoClassStateChanged(FIRST, message.first());
            pseudoClassStateChanged(LAST, message.last());
            // In a group, a run of someone else's messages opens with who wrote them.
            boolean named = model.showingGroup() && !shown.mine() && message.first();
            senderName.setText(named ? "@" + shown.sender() : "");
            senderName.setVisible(named);
            senderName.setManaged(named);
            seen.setVisible(message.seen());
            seen.setManaged(message.seen());
            showBubble();
            show(bubbleRow);
        }
    }

    /**
     * Shows one of the cell's rows, or none. An emptied cell hides its row rather than dropping it: the list's
     * measuring cell is emptied and filled again for every row it sizes, and a row taken out of the scene and put
     * back has the styles of its every node matched from scratch (most of the FX thread's time while scrolling,
     * by the scroll benchmark's profile); a hidden, unmanaged graphic takes no room and costs nothing.
     */
    private void show(HBox row) {
        Node current = getGraphic();
        if (row == null) {
            if (current != null) {
                current.setVisible(false);
                current.setManaged(false);
            }
            // Nothing of the last row stays behind in the hidden graphic: no text, pictures or live clock.
            day.setText("");
            line.setText("");
            senderName.setText("");
            text.show("", false, null);
            photos.show(null);
            quote.show(null);
            card.show(null);
            sticker.show(null);
            reactions.show(null);
            poll.show(null);
            offer.show(null);
            proposal.show(null);
            return;
        }
        row.setVisible(true);
        row.setManaged(true);
        setGraphic(row);
    }

    /** The refusal in plain words, from the server's error code. */
    static String failureText(String code) {
        if (code == null) {
            return ViewLoader.text("chat.failed.other");
        }
        return switch (code) {
            case "privacy_denied" -> ViewLoader.text("chat.failed.privacy");
            case "blocked" -> ViewLoader.text("chat.failed.blocked");
            case "forbidden" -> ViewLoader.text("chat.failed.forbidden");
            case "too_large" -> ViewLoader.text("chat.failed.tooLarge");
            default -> ViewLoader.text("chat.failed.other");
        };
    }

    private void showBubble() {
        MessageItem message = shown;
        if (message == null) {
            return;
        }
        boolean mine = message.mine();
        pseudoClassStateChanged(MINE, mine);
        bubbleRow.setAlignment(mine ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
        boolean unsent = message.unsentProperty().get();
        pseudoClassStateChanged(UNSENT, unsent);
        String shownText = unsent ? ViewLoader.text(mine ? "chat.unsent.mine" : "chat.unsent") : message.text();
        // One to three emoji alone are the message: drawn large, with no bubble behind them.
        boolean jumbo = !unsent && message.media().isEmpty() && EmojiRuns.jumbo(shownText);
        pseudoClassStateChanged(JUMBO, jumbo);
        // A sticker is the message: a large picture with no bubble behind it, the time below.
        boolean isSticker = message.sticker() != null && !unsent;
        pseudoClassStateChanged(STICKER, isSticker);
        sticker.show(isSticker ? message.sticker() : null);
        text.show(shownText, jumbo, unsent ? null : model.find().highlightProperty().get());
        photos.show(message);
        quote.show(message);
        card.show(message);
        reactions.show(message);
        poll.show(message);
        offer.show(message);
        proposal.show(message);
        // A poll's question is its text: the card shows it.
        boolean carries = message.offer() != null || message.proposalProperty().get() != null;
        boolean captionless = ((!message.media().isEmpty() || message.card() != null || isSticker || carries)
                && !unsent && shownText.isEmpty())
                || (message.pollProperty().get() != null && !unsent);
        text.setVisible(!captionless);
        text.setManaged(!captionless);
        time.setText(model.formats().time(message.sentAtProperty().get()));
        MessageStatus state = message.statusProperty().get();
        pseudoClassStateChanged(FAILED, state == MessageStatus.FAILED);
        status.setVisible(mine);
        status.setManaged(mine);
        String statusText = switch (state) {
            case SENDING -> ViewLoader.text("chat.status.sending");
            case SENT -> ViewLoader.text("chat.status.sent");
            case FAILED -> ViewLoader.text("chat.status.failed");
        };
        status.setIconLiteral(switch (state) {
            case SENDING -> "fth-clock";
            case SENT -> "fth-check";
            case FAILED -> "fth-alert-circle";
        });
        status.setCursor(state == MessageStatus.FAILED ? Cursor.HAND : Cursor.DEFAULT);
        String reason = state == MessageStatus.FAILED ? failureText(message.failureProperty().get()) : "";
        failure.setText(reason);
        failure.setVisible(!reason.isEmpty());
        failure.setManaged(!reason.isEmpty());
        statusTip.setText(statusText);
        // A screen reader says how many photos there are before the caption, since the pictures have no text.
        String spoken = isSticker ? StickerWords.preview(message.sticker())
                : carries && !unsent ? String.join(" ", message.offer() != null ? offer.getAccessibleText()
                        : proposal.getAccessibleText(), shownText).strip()
                : unsent || message.media().isEmpty() ? shownText
                : ViewLoader.text("chat.accessible.photos", message.media().size(), shownText);
        setAccessibleText((mine ? ViewLoader.text("chat.accessible.mine", spoken, time.getText(), statusText)
                : ViewLoader.text("chat.accessible.theirs", spoken, time.getText())));
    }
}
