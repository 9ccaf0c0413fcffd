package dev.parley.bench.client.photo;

import dev.parley.bench.client.FxStallMeter;
import dev.parley.bench.client.Probe;
import dev.parley.bench.client.ProbeTask;
import dev.parley.client.model.MessageItem;
import dev.parley.client.store.MessageStatus;
import dev.parley.client.ui.attach.PhotoDrop;
import dev.parley.client.ui.chat.ChatRow;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/**
 * Inside the client: drops a photo on the open chat as the pane's drop handler does, presses Send as soon as the
 * tray shows its thumbnail, and times what a person sees — the tray's thumbnail, the photo in its bubble, the
 * server's acknowledgement (the bubble's status leaves "sending") — several times over, with the FX thread's
 * pulses watched throughout. Reports {@code drop<i>=thumbMs,bubbleMs,ackedMs} (each from the drop) and the stalls.
 */
public final class PhotoDropTask implements ProbeTask {
    /** A person does not drop photos back to back; the pause also lets the previous upload's work settle. */
    private static final Duration BETWEEN_DROPS = Duration.ofMillis(700);

    /** One drop's moments, {@link System#nanoTime} on the FX thread (0 until seen). */
    private static final class Timeline {
        long dropped;
        long thumbShown;
        long sendPressed;
        long bubbleShown;
        long acked;
        MessageItem message;

        double millis(long at) {
            return (at - dropped) / 1e6;
        }
    }

    @Override
    public void run(Probe probe) throws Exception {
        Path photo = Path.of(probe.param("photo", "photo.jpg"));
        int drops = probe.param("drops", 6);
        probe.awaitSynced(1, Duration.ofMinutes(2));
        probe.open(0);
        probe.waitUntil("the open chat's drop target", () -> drop(probe) != null, Duration.ofMinutes(1));
        FxStallMeter meter = new FxStallMeter();
        probe.fxRun(meter::start);
        for (int i = 0; i < drops; i++) {
            Timeline t = dropAndSend(probe, photo);
            probe.result("drop" + i, String.format(Locale.ROOT, "%.1f,%.1f,%.1f,%.1f", t.millis(t.thumbShown),
                    t.millis(t.sendPressed), t.millis(t.bubbleShown), t.millis(t.acked)));
            Thread.sleep(BETWEEN_DROPS.toMillis());
        }
        probe.fxRun(meter::stop);
        probe.result("longestGapMs", meter.longestGapMillis());
        probe.result("gapsOver50ms", meter.gapsOver50ms());
        probe.result("gapP99Ms", meter.gapPercentileMillis(99));
        probe.result("pulses", meter.pulses());
    }

    private static PhotoDrop drop(Probe probe) {
        Node pane = probe.lookup(".chat-pane");
        return pane == null ? null : (PhotoDrop) pane.getProperties().get(PhotoDrop.class);
    }

    /**
     * One photo, dropped and sent. Each moment is taken after the pulse's layout that first has it in the scene
     * (a post-layout pulse listener: the frame about to be drawn shows it), the acknowledgement when the status
     * changes.
     */
    private static Timeline dropAndSend(Probe probe, Path photo) throws Exception {
        Timeline t = new Timeline();
        CompletableFuture<Timeline> done = new CompletableFuture<>();
        probe.fx(() -> {
            // Found once: looking through the whole scene on every pulse would load the FX thread being measured.
            Scene scene = probe.lookup(".chat-pane").getScene();
            Parent tray = (Parent) scene.lookup(".attach-tray");
            Button send = (Button) tray.lookup("#sendButton");
            ListView<?> list = probe.messages();
            Set<UUID> before = new HashSet<>(photoMessages(list));
            Runnable[] watch = new Runnable[1];
            watch[0] = () -> {
                long now = System.nanoTime();
                if (t.thumbShown == 0 && tray.lookup(".attach-thumb") != null) {
                    t.thumbShown = now;
                    // The person presses Send the moment it can be pressed, after this frame.
                    Platform.runLater(() -> pressSend(send, t));
                }
                if (t.sendPressed != 0 && t.message == null) {
                    t.message = newPhotoMessage(list, before);
                    if (t.message != null) {
                        watchAck(t, done, scene, watch[0]);
                    }
                }
                if (t.message != null && t.bubbleShown == 0 && photoShown(list, t.message)) {
                    t.bubbleShown = now;
                    finishIfDone(t, done, scene, watch[0]);
                }
            };
            scene.addPostLayoutPulseListener(watch[0]);
            t.dropped = System.nanoTime();
            drop(probe).dropFiles(List.of(photo));
            return null;
        });
        return done.get(2, TimeUnit.MINUTES);
    }

    private static void pressSend(Button send, Timeline t) {
        if (send.isDisabled()) {
            // Not pressable yet (still preparing another): try on the next turn of the FX thread.
            Platform.runLater(() -> pressSend(send, t));
            return;
        }
        t.sendPressed = System.nanoTime();
        send.fire();
    }

    private static void watchAck(Timeline t, CompletableFuture<Timeline> done, Scene scene, Runnable watch) {
        Runnable check = () -> {
            if (t.acked == 0 && t.message.statusProperty().get() == MessageStatus.SENT) {
                t.acked = System.nanoTime();
                finishIfDone(t, done, scene, watch);
            }
        };
        t.message.statusProperty().addListener((obs, was, now) -> check.run());
        check.run();
    }

    private static void finishIfDone(Timeline t, CompletableFuture<Timeline> done, Scene scene, Runnable watch) {
        if (t.acked != 0 && t.bubbleShown != 0) {
            Platform.runLater(() -> scene.removePostLayoutPulseListener(watch));
            done.complete(t);
        }
    }

    /** Client ids of the own photo messages in the open chat. */
    private static List<UUID> photoMessages(ListView<?> list) {
        return list.getItems().stream()
                .filter(row -> row instanceof ChatRow.Bubble b && b.message().mine() && !b.message().media().isEmpty())
                .map(row -> ((ChatRow.Bubble) row).message().clientId()).toList();
    }

    private static MessageItem newPhotoMessage(ListView<?> list, Set<UUID> before) {
        for (Object row : list.getItems()) {
            if (row instanceof ChatRow.Bubble b && b.message().mine() && !b.message().media().isEmpty()
                    && !before.contains(b.message().clientId())) {
                return b.message();
            }
        }
        return null;
    }

    /** Whether the message's bubble is on screen with a picture in it (its thumbnail or the photo itself). */
    private static boolean photoShown(ListView<?> list, MessageItem message) {
        for (Node node : list.lookupAll(".message-cell")) {
            if (node instanceof ListCell<?> cell && cell.isVisible() && cell.getItem() instanceof ChatRow.Bubble b
                    && b.message() == message) {
                for (Node tile : cell.lookupAll(".bubble-photo")) {
                    if (tile.getStyleClass().contains("preview") || tile.getStyleClass().contains("loaded")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
