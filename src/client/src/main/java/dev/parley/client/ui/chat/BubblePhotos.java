package dev.parley.client.ui.chat;

import dev.parley.client.model.MessageItem;
import dev.parley.client.store.MessageStatus;
import dev.parley.client.ui.ViewLoader;
import dev.parley.protocol.MediaItem;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The photos of one bubble, above its caption. Each keeps the box its width and height call for before the
 * picture arrives, so the list does not jump; an own photo still uploading shows its progress and a cancel button.
 */
final class BubblePhotos extends FlowPane {
    static final double MAX_EDGE = 320;
    private static final double GAP = 4;

    private final PhotoImages images;
    private final ChatViewModel model;
    private final BiConsumer<MessageItem, MediaItem> onOpen;
    private MessageItem shown;
    private MessageStatus shownStatus;

    BubblePhotos(PhotoImages images, ChatViewModel model, BiConsumer<MessageItem, MediaItem> onOpen) {
        super(GAP, GAP);
        this.images = images;
        this.model = model;
        this.onOpen = onOpen;
        getStyleClass().add("bubble-photos");
        setPrefWrapLength(MAX_EDGE);
        setMaxWidth(MAX_EDGE);
    }

    /** Shows a message's photos (none for a text message); rebuilt only when the message or its status changes. */
    void show(MessageItem message) {
        List<MediaItem> media = message == null || message.unsentProperty().get() ? List.of() : message.media();
        MessageStatus status = message == null ? null : message.statusProperty().get();
        setVisible(!media.isEmpty());
        setManaged(!media.isEmpty());
        if (message == shown && status == shownStatus) {
            return;
        }
        shown = message;
        shownStatus = status;
        double edge = media.size() > 1 ? (MAX_EDGE - GAP) / 2 : MAX_EDGE;
        boolean uploading = message != null && message.mine() && status == MessageStatus.SENDING;
        getChildren().setAll(media.stream().map(item -> tile(message, item, edge, uploading)).toList());
    }

    private StackPane tile(MessageItem message, MediaItem item, double edge, boolean uploading) {
        MediaItem thumb = item.thumbnail();
        boolean video = isVideo(item);
        // A video's size is not on the wire; its poster frame has the same shape.
        MediaItem shape = item.width() == null && thumb != null ? thumb : item;
        double width = shape.width() == null ? edge : shape.width();
        double height = shape.height() == null ? edge * 9 / 16 : shape.height();
        double scale = Math.min(video ? edge / width : 1, Math.min(edge / width, edge / height));
        double boxWidth = Math.max(48, Math.round(width * scale));
        double boxHeight = Math.max(48, Math.round(height * scale));
        ImageView view = new ImageView();
        view.setFitWidth(boxWidth);
        view.setFitHeight(boxHeight);
        view.setPreserveRatio(true);
        view.setSmooth(true);
        StackPane tile = new StackPane(view);
        tile.getStyleClass().add(video ? "bubble-video" : "bubble-photo");
        tile.setMinSize(boxWidth, boxHeight);
        tile.setPrefSize(boxWidth, boxHeight);
        tile.setMaxSize(boxWidth, boxHeight);
        Rectangle corners = new Rectangle(boxWidth, boxHeight);
        corners.setArcWidth(14);
        corners.setArcHeight(14);
        tile.setClip(corners);
        tile.setAccessibleText(ViewLoader.text(video ? "video.accessible" : "photo.accessible"));
        tile.setCursor(Cursor.HAND);
        Tooltip.install(tile, new Tooltip(ViewLoader.text(video ? "video.open" : "photo.open")));
        tile.setOnMouseClicked(event -> {
            if (video || view.getImage() != null) {
                onOpen.accept(message, item);
            }
        });
        if (video) {
            tile.getChildren().add(videoBadge(item));
        }
        if (uploading) {
            tile.getChildren().add(uploadOverlay(message));
        }
        if (thumb != null) {
            // The small preview first, so something shows at once; the full photo replaces it when it is here.
            images.bubbleImage(thumb.mediaId()).whenComplete((image, failure) -> Platform.runLater(() -> {
                if (shown == message && failure == null && !tile.getStyleClass().contains("loaded")) {
                    view.setImage(image);
                    tile.getStyleClass().add("preview");
                }
            }));
        }
        if (video) {
            // A video downloads only when opened: it may be 200 MB.
            return tile;
        }
        images.bubbleImage(item.mediaId()).whenComplete((image, failure) -> Platform.runLater(() -> {
            if (shown != message) {
                return;
            }
            if (failure == null) {
                view.setImage(image);
                tile.getStyleClass().add("loaded");
            } else if (thumb == null) {
                Label unavailable = new Label(ViewLoader.text("photo.unavailable"));
                unavailable.getStyleClass().add("bubble-photo-unavailable");
                tile.getChildren().add(unavailable);
            }
        }));
        return tile;
    }

    static boolean isVideo(MediaItem item) {
        return item.mime().startsWith("video/");
    }

    /** A play button in the middle and the file's size in a corner, as video players show them. */
    private StackPane videoBadge(MediaItem item) {
        FontIcon play = new FontIcon("fth-play");
        play.getStyleClass().add("bubble-video-play-icon");
        StackPane button = new StackPane(play);
        button.getStyleClass().add("bubble-video-play");
        button.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        Label size = new Label(model.formats().fileSize(item.size()));
        size.getStyleClass().add("bubble-video-size");
        StackPane badge = new StackPane(button, size);
        StackPane.setAlignment(size, Pos.BOTTOM_LEFT);
        badge.setMouseTransparent(true);
        return badge;
    }

    private VBox uploadOverlay(MessageItem message) {
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(model.uploadProgress(message.clientId()));
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.getStyleClass().add("bubble-photo-progress");
        Button cancel = new Button(null, new FontIcon("fth-x"));
        cancel.getStyleClass().addAll("button-icon", "flat", "bubble-photo-cancel");
        cancel.setAccessibleText(ViewLoader.text("photo.cancel"));
        cancel.setTooltip(new Tooltip(ViewLoader.text("photo.cancel")));
        cancel.setOnAction(event -> model.cancelSend(message));
        VBox overlay = new VBox(6, cancel, progress);
        overlay.setAlignment(Pos.CENTER);
        overlay.getStyleClass().add("bubble-photo-uploading");
        overlay.setPickOnBounds(false);
        return overlay;
    }
}
