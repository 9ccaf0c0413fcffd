package dev.parley.client.ui.common;

import java.time.Clock;
import java.time.Instant;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.util.Duration;

/**
 * "Now" as one observable value on the FX thread, for every countdown in a window: a single timeline sets it from
 * the injected clock once a second, so a chat full of offers costs one tick, not one timer per bubble. Tests move
 * the clock and call {@link #tick()} (or wait for the next tick).
 */
public final class LiveClock {
    private final Clock clock;
    private final ReadOnlyObjectWrapper<Instant> now;
    private final Timeline timeline;

    public LiveClock(Clock clock) {
        this.clock = clock;
        this.now = new ReadOnlyObjectWrapper<>(this, "now", clock.instant());
        this.timeline = new Timeline(new KeyFrame(Duration.seconds(1), event -> tick()));
        timeline.setCycleCount(Animation.INDEFINITE);
        timeline.play();
    }

    /** The time as of the last tick; changes on the FX thread only. */
    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    public Instant now() {
        return now.get();
    }

    /** Reads the clock now (on the FX thread). */
    public void tick() {
        now.set(clock.instant());
    }

    /** Stops ticking, when the window goes. */
    public void stop() {
        timeline.stop();
    }
}
