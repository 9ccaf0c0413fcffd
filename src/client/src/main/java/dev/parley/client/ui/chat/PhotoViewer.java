package dev.parley.client.ui.chat;

import dev.parley.client.ui.ViewLoader;
import dev.parley.protocol.MediaItem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A photo or video in its own window: a photo fits the window, zooms with Ctrl+scroll or + and −; a video plays
 * (or opens with the system's player); arrows step through the conversation's media; Esc closes; Save as… and
 * Copy.
 */
final class PhotoViewer extends Stage {
    private static final Logger log = LoggerFactory.getLogger(PhotoViewer.class);
    private static final double ZOOM_STEP = 1.25;
    private static final double MAX_ZOOM = 8;

    private final PhotoImages images;
    /** The conversation's photos in order, so the arrow keys can step through them. */
    private final List<MediaItem> album;
    private final ProgressIndicator loading = new ProgressIndicator();
    private final Button previous;
    private final Button next;
    private int index;
    private MediaItem item;
    private Path file;
    private final ImageView view = new ImageView();
    private final ScrollPane scroll = new ScrollPane();
    private final DoubleProperty zoom = new SimpleDoubleProperty(1);
    private final Label notice = new Label();
    private final StackPane canvas;
    private final BiConsumer<Path, MediaItem> openOutside;
    private final List<Node> photoOnly;
    private final Button openVideo;
    private VideoPane video;

    PhotoViewer(Window owner, PhotoImages images, List<MediaItem> album, int index,
            dev.parley.client.ui.common.SaveLocation saveLocation, BiConsumer<Path, MediaItem> openOutside) {
        this.images = images;
        this.album = List.copyOf(album);
        this.openOutside = openOutside;
        initOwner(owner);
        setTitle(ViewLoader.text("viewer.title"));
        view.setPreserveRatio(true);
        view.setSmooth(true);
        canvas = new StackPane(view, loading);
        canvas.getStyleClass().add("photo-viewer-canvas");
        canvas.minWidthProperty().bind(scroll.widthProperty().subtract(2));
        canvas.minHeightProperty().bind(scroll.heightProperty().subtract(2));
        scroll.setContent(canvas);
        scroll.setPannable(true);
        scroll.getStyleClass().add("photo-viewer-scroll");
        // Zoom 1 fits the photo to the window; zooming in scales past the window and the scroll pane pans.
        view.fitWidthProperty().bind(scroll.widthProperty().subtract(4).multiply(zoom));
        view.fitHeightProperty().bind(scroll.heightProperty().subtract(4).multiply(zoom));

        Button save = button("viewer.save", "fth-download", () -> save(saveLocation));
        save.setText(ViewLoader.text("viewer.save"));
        Button copy = button("viewer.copy", "fth-copy", this::copy);
        copy.setText(ViewLoader.text("viewer.copy"));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        notice.getStyleClass().add("photo-viewer-notice");
        previous = button("viewer.previous", "fth-chevron-left", () -> step(-1));
        next = button("viewer.next", "fth-chevron-right", () -> step(1));
        Button zoomOut = button("viewer.zoomOut", "fth-zoom-out", () -> zoomBy(1 / ZOOM_STEP));
        Button fit = button("viewer.fit", "fth-maximize", () -> zoom.set(1));
        Button zoomIn = button("viewer.zoomIn", "fth-zoom-in", () -> zoomBy(ZOOM_STEP));
        photoOnly = List.of(zoomOut, fit, zoomIn, copy);
        openVideo = button("video.openOutside", "fth-external-link", this::openOutside);
        openVideo.setText(ViewLoader.text("video.openOutside"));
        HBox bar = new HBox(6, previous, next, zoomOut, fit, zoomIn, gap, notice, openVideo, copy, save);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("photo-viewer-bar");
        BorderPane root = new BorderPane(scroll);
        root.setBottom(bar);
        root.getStyleClass().add("photo-viewer");
        root.getStylesheets().add(ViewLoader.stylesheet("chat/chat.css"));
        root.addEventFilter(ScrollEvent.SCROLL, event -> {
            if (event.isShortcutDown() && event.getDeltaY() != 0) {
                zoomBy(event.getDeltaY() > 0 ? ZOOM_STEP : 1 / ZOOM_STEP);
                event.consume();
            }
        });
        Scene scene = new Scene(root, 820, 620);
        // A filter: the scroll pane would otherwise take the arrow keys for panning.
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            switch (event.getCode()) {
                case ESCAPE -> close();
                case PLUS, ADD, EQUALS -> zoomBy(ZOOM_STEP);
                case MINUS, SUBTRACT -> zoomBy(1 / ZOOM_STEP);
                case DIGIT0, NUMPAD0 -> zoom.set(1);
                case LEFT -> step(-1);
                case RIGHT -> step(1);
                default -> {
                    return;
                }
            }
            event.consume();
        });
        setScene(scene);
        setOnHidden(event -> stopVideo());
        show(index);
    }

    private void step(int by) {
        int target = index + by;
        if (target >= 0 && target < album.size()) {
            show(target);
        }
    }

    /** Loads the photo at a position of the album; a slow download that finishes after another step is dropped. */
    private void show(int position) {
        index = position;
        item = album.get(position);
        file = null;
        stopVideo();
        view.setImage(null);
        zoom.set(1);
        notice.setText("");
        loading.setVisible(true);
        previous.setDisable(position == 0);
        next.setDisable(position == album.size() - 1);
        MediaItem showing = item;
        boolean isVideo = BubblePhotos.isVideo(showing);
        photoOnly.forEach(control -> {
            control.setVisible(!isVideo);
            control.setManaged(!isVideo);
        });
        openVideo.setVisible(isVideo);
        openVideo.setManaged(isVideo);
        openVideo.setDisable(true);
        if (isVideo) {
            showVideo(showing);
            return;
        }
        images.file(showing.mediaId()).thenCompose(path -> images.fullImage(path)
                .thenApply(image -> Map.entry(path, image))).whenComplete((loaded, failure) -> Platform.runLater(() -> {
                    if (showing != item) {
                        return;
                    }
                    loading.setVisible(false);
                    if (failure != null) {
                        log.warn("cannot show photo {}", showing.mediaId(), failure);
                        notice.setText(ViewLoader.text("photo.unavailable"));
                    } else {
                        file = loaded.getKey();
                        view.setImage(loaded.getValue());
                    }
                }));
    }

    /** Downloads the video (it may be large: only now that it is opened), then plays it or offers the system player. */
    private void showVideo(MediaItem showing) {
        CompletableFuture<Image> poster = showing.thumbnail() == null ? CompletableFuture.completedFuture(null)
                : images.bubbleImage(showing.thumbnail().mediaId()).exceptionally(failure -> null);
        // JavaFX Media goes by the file's extension, and cached files are named by hash only.
        images.file(showing.mediaId()).thenApplyAsync(cached -> MediaFiles.named(cached, showing))
                .thenCombine(poster, java.util.AbstractMap.SimpleImmutableEntry::new)
                .whenComplete((loaded, failure) -> Platform.runLater(() -> {
                    if (showing != item) {
                        return;
                    }
                    loading.setVisible(false);
                    if (failure != null) {
                        log.warn("cannot show video {}", showing.mediaId(), failure);
                        notice.setText(ViewLoader.text("video.unavailable"));
                        return;
                    }
                    file = loaded.getKey();
                    openVideo.setDisable(false);
                    video = new VideoPane(file, showing, loaded.getValue(), this::openOutside);
                    video.prefWidthProperty().bind(scroll.widthProperty().subtract(4));
                    video.prefHeightProperty().bind(scroll.heightProperty().subtract(4));
                    canvas.getChildren().add(video);
                }));
    }

    private void stopVideo() {
        if (video != null) {
            video.dispose();
            canvas.getChildren().remove(video);
            video = null;
        }
    }

    private void openOutside() {
        if (file != null) {
            openOutside.accept(file, item);
        }
    }

    VideoPane videoPane() {
        return video;
    }

    private Button button(String key, String icon, Runnable action) {
        Button button = new Button(null, new FontIcon(icon));
        button.getStyleClass().addAll("flat");
        button.setAccessibleText(ViewLoader.text(key));
        button.setTooltip(new Tooltip(ViewLoader.text(key)));
        button.setOnAction(event -> action.run());
        return button;
    }

    private void zoomBy(double factor) {
        zoom.set(Math.max(1, Math.min(MAX_ZOOM, zoom.get() * factor)));
    }

    ImageView imageView() {
        return view;
    }

    private void save(dev.parley.client.ui.common.SaveLocation saveLocation) {
        Path file = this.file;
        MediaItem item = this.item;
        if (file == null) {
            return;
        }
        String suggested = MediaFiles.suggestedName(item);
        saveLocation.choose(this, ViewLoader.text("viewer.save.title"), suggested).ifPresent(target ->
                CompletableFuture.runAsync(() -> {
                    try {
                        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).whenComplete((done, failure) -> Platform.runLater(() -> {
                    if (failure != null) {
                        log.warn("could not save photo {} to {}", item.mediaId(), target, failure);
                    }
                    notice.setText(ViewLoader.text(failure == null ? "viewer.saved" : "viewer.saveFailed"));
                })));
    }

    private void copy() {
        if (view.getImage() == null) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putImage(view.getImage());
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        notice.setText(ViewLoader.text("viewer.copied"));
    }
}
