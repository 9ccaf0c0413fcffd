package dev.parley.client.ui.chat;

import dev.parley.client.ui.ViewLoader;
import dev.parley.protocol.MediaItem;
import dev.parley.protocol.MediaType;
import java.nio.file.Path;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.media.Media;
import javafx.scene.media.MediaException;
import javafx.scene.media.MediaPlayer;
import javafx.scene.media.MediaView;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A video in the viewer: played with JavaFX Media where the platform's codecs allow (MP4 with H.264/AAC when
 * the system has them), click to pause; otherwise its poster frame, a sentence and "Open with system player".
 * WebM is never tried: JavaFX Media has no decoder for it.
 */
final class VideoPane extends StackPane {
    private static final Logger log = LoggerFactory.getLogger(VideoPane.class);

    /** Where the pane stands (also its style class: video-loading…): loading, playing (or paused), or the fallback. */
    enum State { LOADING, PLAYING, UNSUPPORTED }

    private final Path file;
    private final Image poster;
    private final Runnable openOutside;
    private MediaPlayer player;
    private State state = State.LOADING;

    VideoPane(Path file, MediaItem item, Image poster, Runnable openOutside) {
        this.file = file;
        this.poster = poster;
        this.openOutside = openOutside;
        getStyleClass().addAll("photo-viewer-video", "video-loading");
        if (MediaType.fromMime(item.mime()) != MediaType.MP4) {
            unsupported("no JavaFX Media decoder for " + item.mime());
            return;
        }
        try {
            player = new MediaPlayer(new Media(file.toUri().toString()));
        } catch (MediaException | UnsupportedOperationException e) {
            unsupported(e.toString());
            return;
        }
        MediaView view = new MediaView(player);
        view.setPreserveRatio(true);
        view.fitWidthProperty().bind(widthProperty());
        view.fitHeightProperty().bind(heightProperty());
        view.setOnMouseClicked(event -> togglePlaying());
        player.setOnError(() -> unsupported(String.valueOf(player.getError())));
        player.setOnReady(() -> {
            setState(State.PLAYING);
            HBox controls = controls(player);
            StackPane.setAlignment(controls, Pos.BOTTOM_CENTER);
            getChildren().setAll(view, controls);
            player.play();
        });
        player.setOnEndOfMedia(() -> {
            player.pause();
            player.seek(player.getStartTime());
        });
        getChildren().setAll(posterView(false));
    }

    /** Play / pause, a position slider to seek with, and the time as "0:03 / 0:12". */
    private HBox controls(MediaPlayer playing) {
        Button toggle = new Button(null, new FontIcon("fth-pause"));
        toggle.getStyleClass().addAll("flat", "video-toggle");
        toggle.setAccessibleText(ViewLoader.text("video.pause"));
        toggle.setTooltip(new Tooltip(ViewLoader.text("video.pause")));
        toggle.setOnAction(event -> togglePlaying());
        playing.statusProperty().addListener((obs, old, status) -> {
            boolean running = status == MediaPlayer.Status.PLAYING;
            ((FontIcon) toggle.getGraphic()).setIconLiteral(running ? "fth-pause" : "fth-play");
            String text = ViewLoader.text(running ? "video.pause" : "video.play");
            toggle.setAccessibleText(text);
            toggle.getTooltip().setText(text);
        });
        Slider position = new Slider(0, Math.max(0.1, playing.getTotalDuration().toSeconds()), 0);
        position.setAccessibleText(ViewLoader.text("video.position"));
        HBox.setHgrow(position, Priority.ALWAYS);
        Label time = new Label();
        time.getStyleClass().add("video-time");
        playing.currentTimeProperty().addListener((obs, old, now) -> {
            if (!position.isValueChanging()) {
                position.setValue(now.toSeconds());
            }
            time.setText(clock(now) + " / " + clock(playing.getTotalDuration()));
        });
        position.valueChangingProperty().addListener((obs, was, changing) -> {
            if (!changing) {
                playing.seek(Duration.seconds(position.getValue()));
            }
        });
        time.setText(clock(Duration.ZERO) + " / " + clock(playing.getTotalDuration()));
        HBox controls = new HBox(8, toggle, position, time);
        controls.setAlignment(Pos.CENTER_LEFT);
        controls.getStyleClass().add("video-controls");
        controls.setMaxHeight(Region.USE_PREF_SIZE);
        return controls;
    }

    private static String clock(Duration duration) {
        long seconds = duration == null || duration.isUnknown() ? 0 : (long) duration.toSeconds();
        return seconds >= 3600 ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format("%d:%02d", seconds / 60, seconds % 60);
    }

    State state() {
        return state;
    }

    private void setState(State next) {
        getStyleClass().remove("video-" + state.name().toLowerCase(java.util.Locale.ROOT));
        state = next;
        getStyleClass().add("video-" + next.name().toLowerCase(java.util.Locale.ROOT));
    }

    void togglePlaying() {
        if (player == null || state != State.PLAYING) {
            return;
        }
        if (player.getStatus() == MediaPlayer.Status.PLAYING) {
            player.pause();
        } else {
            player.play();
        }
    }

    /** Stops and releases the player; the viewer calls it when it steps away or closes. */
    void dispose() {
        if (player != null) {
            player.dispose();
            player = null;
        }
    }

    private void unsupported(String why) {
        log.info("video {} plays outside the app only: {}", file.getFileName(), why);
        dispose();
        setState(State.UNSUPPORTED);
        Label sentence = new Label(ViewLoader.text("video.cantPlay"));
        Button open = new Button(ViewLoader.text("video.openOutside"), new FontIcon("fth-external-link"));
        open.setTooltip(new Tooltip(ViewLoader.text("video.openOutside")));
        open.setOnAction(event -> openOutside.run());
        open.getStyleClass().add("accent");
        VBox fallback = new VBox(sentence, open);
        fallback.getStyleClass().add("photo-viewer-video-fallback");
        fallback.setAlignment(Pos.CENTER);
        fallback.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        getChildren().setAll(posterView(true), fallback);
    }

    private ImageView posterView(boolean dimmed) {
        ImageView view = new ImageView(poster);
        view.setPreserveRatio(true);
        view.setOpacity(dimmed ? 0.45 : 1);
        view.fitWidthProperty().bind(widthProperty());
        view.fitHeightProperty().bind(heightProperty());
        return view;
    }
}
