package dev.parley.client.ui.conversations;

import dev.parley.client.ui.emoji.EmojiImages;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs once per conversation list the first pulse that lays it out with conversations in it, i.e. the
 * frame in which the inbox is painted: {@code inbox painted 812 ms after the process started; 500
 * conversations}. The cold-start benchmark reads this line (docs/BENCHMARKS.md).
 */
final class InboxPainted {
    private static final Logger log = LoggerFactory.getLogger(InboxPainted.class);

    private final ListView<?> list;
    private Scene watched;
    private boolean marked;
    private final Runnable afterLayout = this::check;

    private InboxPainted(ListView<?> list) {
        this.list = list;
    }

    /** Watches {@code list} from the moment it is in a scene until it first shows a row. */
    static void watch(ListView<?> list) {
        InboxPainted mark = new InboxPainted(list);
        list.sceneProperty().addListener((obs, old, scene) -> mark.follow(scene));
        mark.follow(list.getScene());
    }

    private void follow(Scene scene) {
        if (watched != null) {
            watched.removePostLayoutPulseListener(afterLayout);
            watched = null;
        }
        if (scene != null && !marked) {
            watched = scene;
            scene.addPostLayoutPulseListener(afterLayout);
        }
    }

    /** After a pulse's layout: a list with rows that is laid out and in a showing window has made its cells. */
    private void check() {
        if (marked || list.getItems().isEmpty() || list.getSkin() == null || list.getHeight() <= 0
                || watched.getWindow() == null || !watched.getWindow().isShowing()) {
            return;
        }
        marked = true;
        // Not removed while the scene runs its listeners (that would upset its loop): just after.
        javafx.application.Platform.runLater(() -> follow(null));
        log.info("inbox painted {} ms after the process started; {} conversations", sinceStart().toMillis(),
                list.getItems().size());
        // The inbox is on screen: now the emoji sheet's decode no longer competes with it.
        EmojiImages.shared();
    }

    private static Duration sinceStart() {
        Instant started = ProcessHandle.current().info().startInstant()
                .orElseGet(() -> Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()));
        return Duration.between(started, Instant.now());
    }
}
