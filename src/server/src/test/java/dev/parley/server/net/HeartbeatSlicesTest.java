package dev.parley.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The heartbeat's rounds on a clock the test turns: who is pinged when, and who is dropped. */
class HeartbeatSlicesTest {
    private static final Duration INTERVAL = Duration.ofSeconds(30);
    private static final long TICK = INTERVAL.toNanos() / Heartbeat.SLICES;

    private long now = TimeUnit.HOURS.toNanos(1);
    private final List<FakePeer> peers = new ArrayList<>();
    private final Heartbeat heartbeat = new Heartbeat(() -> List.copyOf(peers), INTERVAL, () -> now, false);

    @AfterEach
    void stop() {
        heartbeat.close();
    }

    @Test
    void eachTickPingsItsShareSoEveryPeerIsPingedOncePerInterval() {
        IntStream.range(0, 60).forEach(i -> peers.add(new FakePeer(true)));

        List<Integer> pingedPerTick = new ArrayList<>();
        for (int tick = 0; tick < Heartbeat.SLICES; tick++) {
            int before = pings();
            advance();
            pingedPerTick.add(pings() - before);
        }

        assertThat(pingedPerTick).as("two of 60 at each of 30 ticks, never all at once").containsOnly(2);
        assertThat(peers).allMatch(peer -> peer.pings == 1);
    }

    @Test
    void aPeerThatNeverAnswersIsDroppedAtItsTurnAnIntervalAfterItsPing() {
        FakePeer silent = new FakePeer(false);
        FakePeer answering = new FakePeer(true);
        peers.add(silent);
        peers.add(answering);

        interval();
        assertThat(silent.pings).isEqualTo(1);
        assertThat(silent.dropped).as("its ping is not an interval old yet at the end of the first round").isFalse();

        interval();
        assertThat(silent.dropped).isTrue();
        assertThat(answering.dropped).isFalse();
        assertThat(answering.pings).isEqualTo(2);
    }

    @Test
    void aPeerThatOpenedLongBeforeItsFirstPingIsPingedNotDropped() {
        interval();
        FakePeer late = new FakePeer(true);
        late.lastPong = now; // opened now; the round that counts it starts after this one
        peers.add(late);
        now += 2 * INTERVAL.toNanos(); // and its turn comes much later than 1.5 intervals after it opened

        interval();

        assertThat(late.dropped).isFalse();
        assertThat(late.pings).isEqualTo(1);
    }

    @Test
    void anUnansweredPingYoungerThanAnIntervalIsLeftToBeAnswered() {
        FakePeer slow = new FakePeer(false);
        peers.add(slow);
        interval(); // alone, it is pinged at the round's last tick
        assertThat(slow.pings).isEqualTo(1);

        // 29 more connections: in the next round it is first, so its turn comes one tick after its ping
        IntStream.range(0, 29).forEach(i -> peers.add(new FakePeer(true)));
        advance();
        assertThat(slow.dropped).as("its ping is one tick old").isFalse();
        assertThat(slow.pings).as("not pinged again while one is unanswered").isEqualTo(1);

        for (int tick = 1; tick < Heartbeat.SLICES; tick++) {
            advance();
        }
        advance(); // its turn in the round after: the ping is now an interval and a tick old
        assertThat(slow.dropped).isTrue();
    }

    private void interval() {
        for (int tick = 0; tick < Heartbeat.SLICES; tick++) {
            advance();
        }
    }

    private void advance() {
        now += TICK;
        heartbeat.tick();
    }

    private int pings() {
        return peers.stream().mapToInt(peer -> peer.pings).sum();
    }

    private final class FakePeer implements Heartbeat.Peer {
        private final boolean answers;
        long lastPong = now;
        long pingedAt;
        int pings;
        boolean dropped;

        FakePeer(boolean answers) {
            this.answers = answers;
        }

        @Override
        public long lastPong() {
            return lastPong;
        }

        @Override
        public long pingedAt() {
            return pingedAt;
        }

        @Override
        public void ping(long at) {
            pingedAt = at;
            pings++;
            if (answers) {
                lastPong = at + 1;
            }
        }

        @Override
        public void drop() {
            dropped = true;
        }
    }
}
