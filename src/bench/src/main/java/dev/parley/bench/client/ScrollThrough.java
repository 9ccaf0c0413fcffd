package dev.parley.bench.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.skin.VirtualFlow;

/**
 * Opens the first conversation and scrolls it, {@code step} pixels a pulse as a mouse wheel would, from the newest
 * message up to the oldest (the chat loads older pages as it goes) and back down, with an {@link FxStallMeter}
 * running. Reports the meter's figures and how many rows the chat held at the top.
 */
public final class ScrollThrough implements ProbeTask {
    /** At the top with no new rows for this long: the chat has no older page to load. */
    private static final long SETTLED_NANOS = Duration.ofSeconds(2).toNanos();

    @Override
    public void run(Probe probe) throws Exception {
        probe.openFirstChat();
        Thread.sleep(500);
        double step = probe.param("step", 120);
        FxStallMeter meter = new FxStallMeter();
        CompletableFuture<Integer> top = new CompletableFuture<>();
        CompletableFuture<Void> bottom = new CompletableFuture<>();
        AnimationTimer wheel = new AnimationTimer() {
            private int rowsAtTop = -1;
            private long topSince;

            @Override
            public void handle(long now) {
                VirtualFlow<?> flow = (VirtualFlow<?>) probe.messages().lookup(".virtual-flow");
                int rows = probe.messages().getItems().size();
                if (!top.isDone()) {
                    flow.scrollPixels(-step);
                    IndexedCell<?> first = flow.getFirstVisibleCell();
                    boolean atTop = first != null && first.getIndex() == 0 && flow.getPosition() <= 0;
                    if (!atTop || rows != rowsAtTop) {
                        rowsAtTop = atTop ? rows : -1;
                        topSince = now;
                    } else if (now - topSince > SETTLED_NANOS) {
                        top.complete(rows);
                    }
                } else {
                    flow.scrollPixels(step);
                    IndexedCell<?> last = flow.getLastVisibleCell();
                    if (last != null && last.getIndex() == rows - 1 && flow.getPosition() >= 1) {
                        stop();
                        bottom.complete(null);
                    }
                }
            }
        };
        probe.fxRun(() -> {
            meter.start();
            wheel.start();
        });
        long started = System.nanoTime();
        int rows = top.get(30, TimeUnit.MINUTES);
        long up = System.nanoTime();
        bottom.get(30, TimeUnit.MINUTES);
        probe.fxRun(meter::stop);
        probe.result("rowsAtTop", rows);
        probe.result("upSeconds", (up - started) / 1e9);
        probe.result("downSeconds", (System.nanoTime() - up) / 1e9);
        probe.result("pulses", meter.pulses());
        probe.result("longestGapMs", meter.longestGapMillis());
        probe.result("gapsOver50ms", meter.gapsOver50ms());
        probe.result("p99GapMs", meter.gapPercentileMillis(99));
        probe.result("p50GapMs", meter.gapPercentileMillis(50));
    }
}
