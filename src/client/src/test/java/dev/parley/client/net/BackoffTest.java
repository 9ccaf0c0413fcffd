package dev.parley.client.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void waitsGrowExponentiallyWithJitterUpToTheCapAndResetAfterSuccess() {
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), new Random(1));
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            waits.add(backoff.next().toMillis());
        }
        backoff.reset();

        assertThat(waits.get(0)).isBetween(250L, 500L);
        assertThat(waits.get(1)).isBetween(500L, 1_000L);
        assertThat(waits.get(3)).isBetween(2_000L, 4_000L);
        assertThat(waits.subList(8, 12)).allSatisfy(wait -> assertThat(wait).isBetween(15_000L, 30_000L));
        assertThat(backoff.next().toMillis()).isBetween(250L, 500L);
    }

    @Test
    void twoClientsDoNotRetryInLockstep() {
        Backoff one = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), new Random(1));
        Backoff two = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), new Random(2));
        List<Long> first = new ArrayList<>();
        List<Long> second = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            first.add(one.next().toMillis());
            second.add(two.next().toMillis());
        }

        assertThat(first).isNotEqualTo(second);
    }
}
