package dev.parley.client.ui.chat;

import dev.parley.client.model.MessageItem;
import dev.parley.client.ui.attach.AttachView;
import dev.parley.client.ui.common.SaveLocation;
import dev.parley.protocol.MediaItem;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Photos in the chat pane: the attachment tray and its ways in (button, drop, paste), the photos in bubbles, and
 * the viewer a photo opens in. Kept apart so the chat view only places them.
 */
public final class ChatPhotos {
    private static final Logger log = LoggerFactory.getLogger(ChatPhotos.class);

    private final ChatViewModel model;
    private final AttachView attach;
    private final SaveLocation saveLocation;
    private final PhotoImages images;

    public ChatPhotos(ChatViewModel model, AttachView attach, SaveLocation saveLocation) {
        this.model = model;
        this.attach = attach;
        this.saveLocation = saveLocation;
        this.images = new PhotoImages(model::media);
    }

    AttachView attach() {
        return attach;
    }

    /** Puts the tray into its place above the composer and lets photos be dropped or pasted onto the pane. */
    void install(Node chatPane, Pane trayHolder) {
        trayHolder.getChildren().setAll(attach.root());
        attach.acceptDropsAndPastes(chatPane);
    }

    BubblePhotos bubblePhotos() {
        return new BubblePhotos(images, model, this::open);
    }

    private void open(MessageItem message, MediaItem item) {
        images.file(item.mediaId()).whenComplete((file, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                log.warn("cannot open photo {}", item.mediaId(), failure);
                return;
            }
            new PhotoViewer(attach.root().getScene().getWindow(), images, file, item, saveLocation).show();
        }));
    }
}
