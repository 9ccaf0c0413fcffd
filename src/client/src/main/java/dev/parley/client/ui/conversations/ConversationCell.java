package dev.parley.client.ui.conversations;

import dev.parley.client.model.ConversationItem;
import dev.parley.client.ui.ViewLoader;
import dev.parley.client.ui.common.StickerWords;
import dev.parley.client.ui.common.Avatar;
import dev.parley.client.ui.common.AvatarPictures;
import dev.parley.protocol.UserProfile;
import dev.parley.client.ui.common.Formats;
import dev.parley.client.ui.emoji.EmojiRuns;
import dev.parley.client.ui.emoji.EmojiView;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.OverrunStyle;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** A conversation row: avatar, name, last-message preview, relative time and unread badge. */
final class ConversationCell extends ListCell<ConversationItem> {
    private final Formats formats;
    private final Avatar avatar = new Avatar(Avatar.Size.LIST);
    private final AvatarPictures pictures;
    private final Label name = new Label();
    private final Label preview = new Label();
    private final Label time = new Label();
    private final Label badge = new Label();
    private final HBox row;
    private final InvalidationListener refresh = observable -> show(getItem());
    private static final double PREVIEW_EMOJI = 16;

    ConversationCell(Formats formats, AvatarPictures pictures) {
        this.pictures = pictures;
        this.formats = formats;
        name.getStyleClass().add("conversation-name");
        preview.getStyleClass().add("conversation-preview");
        preview.setTextOverrun(OverrunStyle.ELLIPSIS);
        time.getStyleClass().add("conversation-time");
        badge.getStyleClass().add("unread-badge");
        badge.setMinWidth(Region.USE_PREF_SIZE);
        name.setMaxWidth(Double.MAX_VALUE);
        preview.setMaxWidth(Double.MAX_VALUE);
        preview.setMinWidth(0);
        Rectangle previewClip = new Rectangle();
        previewClip.widthProperty().bind(preview.widthProperty());
        previewClip.heightProperty().bind(preview.heightProperty());
        preview.setClip(previewClip);
        // The time never gives way to a long name; a group's member count is in its header, not here.
        time.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(8, name, time);
        HBox.setHgrow(name, Priority.ALWAYS);
        top.setAlignment(Pos.BASELINE_LEFT);
        HBox bottom = new HBox(8, preview, badge);
        HBox.setHgrow(preview, Priority.ALWAYS);
        bottom.setAlignment(Pos.CENTER_LEFT);
        VBox text = new VBox(3, top, bottom);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        row = new HBox(12, avatar, text);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("conversation-row");
        getStyleClass().add("conversation-cell");
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(ConversationItem item, boolean empty) {
        ConversationItem previous = getItem();
        if (previous != null) {
            previous.previewProperty().removeListener(refresh);
            previous.unreadProperty().removeListener(refresh);
            previous.lastActivityProperty().removeListener(refresh);
            previous.peerNameProperty().removeListener(refresh);
            previous.lastUnsentProperty().removeListener(refresh);
            previous.peerAvatarProperty().removeListener(refresh);
            previous.lastMediaProperty().removeListener(refresh);
            previous.lastStickerProperty().removeListener(refresh);
            previous.lastVideosProperty().removeListener(refresh);
            previous.memberCountProperty().removeListener(refresh);
        }
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            setAccessibleText(null);
            return;
        }
        item.previewProperty().addListener(refresh);
        item.unreadProperty().addListener(refresh);
        item.lastActivityProperty().addListener(refresh);
        item.peerNameProperty().addListener(refresh);
        item.lastUnsentProperty().addListener(refresh);
        item.peerAvatarProperty().addListener(refresh);
        item.lastMediaProperty().addListener(refresh);
        item.lastStickerProperty().addListener(refresh);
        item.lastVideosProperty().addListener(refresh);
        item.memberCountProperty().addListener(refresh);
        show(item);
        setGraphic(row);
    }

    /**
     * Draws the preview's emoji as pictures: the text becomes one line of runs and emoji, cut off at the
     * label's edge. Text without emoji stays plain label text (which ends in an ellipsis).
     */
    private static void showEmojiIn(Label preview) {
        List<Node> runs = EmojiRuns.of(preview.getText(), PREVIEW_EMOJI, true, text -> {
            Text run = new Text(text);
            run.getStyleClass().add("preview-run");
            return run;
        });
        if (runs.stream().noneMatch(EmojiView.class::isInstance)) {
            preview.setGraphic(null);
            preview.setContentDisplay(ContentDisplay.TEXT_ONLY);
            return;
        }
        // In a group the flow keeps its one-line width instead of wrapping to the label's.
        preview.setGraphic(new Group(new TextFlow(runs.toArray(Node[]::new))));
        preview.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    private void show(ConversationItem item) {
        if (item == null) {
            return;
        }
        if (item.group()) {
            pictures.showGroup(avatar, item.id(), item.peerNameProperty().get(), item.peerAvatarProperty().get());
        } else {
            pictures.show(avatar, new UserProfile(item.peerHandle(), item.peerNameProperty().get(), null, null, null,
                    item.peerAvatarProperty().get()));
        }
        name.setText(item.peerNameProperty().get());
        int media = item.lastMediaProperty().get();
        int videos = item.lastVideosProperty().get();
        String lastText = item.lastUnsentProperty().get() ? ViewLoader.text("chat.unsent")
                : item.lastStickerProperty().get() ? StickerWords.preview(item.previewProperty().get())
                : !item.previewProperty().get().isEmpty() || media == 0 ? item.previewProperty().get()
                : videos == media ? ViewLoader.text("conversations.videos", media)
                : videos > 0 ? ViewLoader.text("conversations.media", media)
                : ViewLoader.text("conversations.photos", media);
        preview.setText(lastText.isEmpty() ? ViewLoader.text("conversations.noMessages")
                : lastText.replace('\n', ' '));
        showEmojiIn(preview);
        time.setText(formats.relative(item.lastActivityProperty().get()));
        int unread = item.unreadProperty().get();
        badge.setText(unread > 99 ? "99+" : Integer.toString(unread));
        badge.setVisible(unread > 0);
        badge.setManaged(unread > 0);
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("unread"), unread > 0);
        setAccessibleText(unread > 0
                ? ViewLoader.text("conversations.accessible.unread", item.peerNameProperty().get(), unread, lastText)
                : ViewLoader.text("conversations.accessible", item.peerNameProperty().get(), lastText));
    }
}
