package dev.parley.client.launcher;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The embedded demo server's clock: real time, but set back while history is seeded. */
final class DemoClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    void setBack(Duration offset) {
        this.offset = offset;
    }

    void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().minus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
