package dev.parley.client.ui.chat;

import dev.parley.client.model.MessageItem;
import dev.parley.client.ui.attach.AttachView;
import dev.parley.client.ui.common.SaveLocation;
import dev.parley.protocol.MediaItem;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * Photos in the chat pane: the attachment tray and its ways in (button, drop, paste), the photos in bubbles, and
 * the viewer a photo opens in. Kept apart so the chat view only places them.
 */
public final class ChatPhotos {
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

    /** Opens the viewer on a photo, with the open conversation's other photos a step away. */
    private void open(MessageItem message, MediaItem item) {
        List<MediaItem> album = model.messages().stream().filter(m -> !m.unsentProperty().get())
                .flatMap(m -> m.media().stream()).toList();
        int index = Math.max(0, album.indexOf(item));
        new PhotoViewer(attach.root().getScene().getWindow(), images, album.isEmpty() ? List.of(item) : album, index,
                saveLocation, model::openOutside).show();
    }
}
