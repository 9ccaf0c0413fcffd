package dev.parley.client.ui.chat;

import dev.parley.client.stickers.StickerLibrary;
import dev.parley.client.ui.ViewLoader;
import dev.parley.client.ui.stickers.StickerImages;
import dev.parley.protocol.Sticker;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A sticker in the chat: its picture, about 160 px, with no bubble behind it. Until the picture is here, and for a
 * pack or file this device cannot get, a quiet placeholder of the same size shows instead.
 */
final class BubbleSticker extends StackPane {
    static final double SIZE = 160;

    private final CompletableFuture<StickerLibrary> library;
    private final Function<String, CompletableFuture<Path>> media;
    private final ImageView view = new ImageView();
    private final StackPane placeholder = new StackPane(new FontIcon("fth-image"));
    private Sticker shown;

    BubbleSticker(CompletableFuture<StickerLibrary> library, Function<String, CompletableFuture<Path>> media) {
        this.library = library;
        this.media = media;
        getStyleClass().add("bubble-sticker");
        view.setFitWidth(SIZE);
        view.setFitHeight(SIZE);
        view.setPreserveRatio(true);
        view.setSmooth(true);
        view.setId("sticker-image");
        placeholder.getStyleClass().add("sticker-placeholder");
        placeholder.setPrefSize(SIZE, SIZE);
        placeholder.setMaxSize(SIZE, SIZE);
        Label missing = new Label(ViewLoader.text("sticker.missing"));
        missing.getStyleClass().add("sticker-placeholder-text");
        placeholder.getChildren().add(missing);
        StackPane.setAlignment(missing, javafx.geometry.Pos.BOTTOM_CENTER);
        setMinSize(SIZE, SIZE);
        setPrefSize(SIZE, SIZE);
        setMaxSize(SIZE, SIZE);
        getChildren().setAll(placeholder, view);
        show(null);
    }

    /** Shows {@code sticker}, or hides itself for a message that is no sticker (null). */
    void show(Sticker sticker) {
        setVisible(sticker != null);
        setManaged(sticker != null);
        if (sticker == null || sticker.equals(shown) && view.getImage() != null) {
            shown = sticker;
            return;
        }
        shown = sticker;
        view.setImage(null);
        placeholder.setVisible(false);
        StickerImages.image(library, sticker, SIZE, media).thenAccept(found -> Platform.runLater(() -> {
            if (sticker.equals(shown)) {
                view.setImage(found.orElse(null));
                placeholder.setVisible(found.isEmpty());
            }
        }));
    }
}
