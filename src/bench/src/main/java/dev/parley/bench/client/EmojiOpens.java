package dev.parley.bench.client;

import dev.parley.client.ui.Shortcut;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.PopupWindow;
import javafx.stage.Window;

/**
 * Opens and closes the emoji picker {@code opens} times through Ctrl+E's own action, in the first conversation,
 * and reports each open ({@code open.N} in ms): from the action to the end of the first pulse that lays the
 * picker out on screen. The first open builds the picker (cold); the rest show it again (warm).
 */
public final class EmojiOpens implements ProbeTask {
    @Override
    public void run(Probe probe) throws Exception {
        probe.openFirstChat();
        int opens = probe.param("opens", 10);
        for (int i = 0; i < opens; i++) {
            // Settle between opens, as a person would: the pulses before are not part of the next figure.
            Thread.sleep(300);
            long[] open = openOnce(probe);
            probe.result("open." + i, String.format(java.util.Locale.ROOT, "%.3f", open[0] / 1e6));
            probe.result("cpu." + i, String.format(java.util.Locale.ROOT, "%.3f", open[1] / 1e6));
            probe.fxRun(() -> emojiAction(probe).run());
            probe.waitUntil("the picker closed", () -> picker() == null, Duration.ofSeconds(30));
        }
        probe.result("opens", opens);
    }

    /**
     * Nanoseconds from Ctrl+E's action to just after the first pulse that showed the picker, and the FX thread's
     * CPU time in between (what a busy machine does not inflate).
     */
    private static long[] openOnce(Probe probe) throws Exception {
        CompletableFuture<long[]> shown = new CompletableFuture<>();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        probe.fxRun(() -> {
            long start = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    // Runs as a pulse begins; a picker showing now is laid out in this pulse, and what is posted
                    // now runs once the pulse is over.
                    if (picker() != null) {
                        stop();
                        Platform.runLater(() -> shown.complete(new long[] {System.nanoTime() - start,
                                threads.getCurrentThreadCpuTime() - cpu}));
                    }
                }
            }.start();
            emojiAction(probe).run();
        });
        return shown.get(1, TimeUnit.MINUTES);
    }

    private static Runnable emojiAction(Probe probe) {
        return probe.lookup(".message-list").getScene().getAccelerators().get(Shortcut.EMOJI.keys());
    }

    /** The picker's window while it shows (call on the FX thread). */
    private static PopupWindow picker() {
        for (Window window : Window.getWindows()) {
            if (window instanceof PopupWindow popup && popup.isShowing() && popup.getScene() != null
                    && popup.getScene().lookup(".picker-tabs") != null) {
                return popup;
            }
        }
        return null;
    }
}
