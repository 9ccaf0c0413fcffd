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
        double width = item.width() == null ? edge : item.width();
        double height = item.height() == null ? edge : item.height();
        double scale = Math.min(1, Math.min(edge / width, edge / height));
        double boxWidth = Math.max(48, Math.round(width * scale));
        double boxHeight = Math.max(48, Math.round(height * scale));
        ImageView view = new ImageView();
        view.setFitWidth(boxWidth);
        view.setFitHeight(boxHeight);
        view.setPreserveRatio(true);
        view.setSmooth(true);
        StackPane tile = new StackPane(view);
        tile.getStyleClass().add("bubble-photo");
        tile.setMinSize(boxWidth, boxHeight);
        tile.setPrefSize(boxWidth, boxHeight);
        tile.setMaxSize(boxWidth, boxHeight);
        Rectangle corners = new Rectangle(boxWidth, boxHeight);
        corners.setArcWidth(14);
        corners.setArcHeight(14);
        tile.setClip(corners);
        tile.setAccessibleText(ViewLoader.text("photo.accessible"));
        tile.setCursor(Cursor.HAND);
        Tooltip.install(tile, new Tooltip(ViewLoader.text("photo.open")));
        tile.setOnMouseClicked(event -> {
            if (view.getImage() != null) {
                onOpen.accept(message, item);
            }
        });
        if (uploading) {
            tile.getChildren().add(uploadOverlay(message));
        }
        images.bubbleImage(item.mediaId()).whenComplete((image, failure) -> Platform.runLater(() -> {
            if (shown != message) {
                return;
            }
            if (failure == null) {
                view.setImage(image);
                tile.getStyleClass().add("loaded");
            } else {
                Label unavailable = new Label(ViewLoader.text("photo.unavailable"));
                unavailable.getStyleClass().add("bubble-photo-unavailable");
                tile.getChildren().add(unavailable);
            }
        }));
        return tile;
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
