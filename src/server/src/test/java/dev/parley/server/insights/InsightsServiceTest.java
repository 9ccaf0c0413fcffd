package dev.parley.server.insights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Insights;
import dev.parley.protocol.Request;
import dev.parley.server.net.Identity;
import dev.parley.server.store.BroadcastTotals;
import dev.parley.server.store.InsightsStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the service asks its store and the broadcast reach for (the local period as instants, end excluded), and how
 * it passes their answers on; the wire test covers the SQL with a seeded history.
 */
class InsightsServiceTest {
    final List<Instant[]> asked = new ArrayList<>();

    InsightsStore store() {
        return new InsightsStore() {
            @Override
            public List<Bucket> messageCounts(long userId, Instant from, Instant to) {
                asked.add(new Instant[] {from, to});
                return List.of(new Bucket(Instant.parse("2026-11-07T23:45:00Z"), 2, 1));
            }

            @Override
            public List<Start> conversationsStarted(long userId, Instant from, Instant to) {
                return List.of();
            }

            @Override
            public Decisions requestDecisions(long userId, Instant from, Instant to) {
                return new Decisions(0, 0);
            }
        };
    }

    @Test
    void broadcastReachIsAskedForTheSamePeriodAndPassedOn() {
        List<Instant[]> reachAsked = new ArrayList<>();
        InsightsService service = new InsightsService(store(), (senderId, from, to) -> {
            assertThat(senderId).isEqualTo(7);
            reachAsked.add(new Instant[] {from, to});
            return new BroadcastTotals(3, 120, 9, 14, 2);
        }, Clock.systemUTC());

        Insights insights = service.get(new Identity(7, "sam", 1), new Request.InsightsGet(
                LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-08"), "America/New_York"));

        assertThat(insights.broadcasts()).isEqualTo(new Insights.Broadcasts(3, 120, 9, 14, 2));
        // Local midnight at the start of the first day to local midnight after the last, in New York (UTC-5).
        assertThat(reachAsked).singleElement().satisfies(period -> assertThat(period).containsExactly(
                Instant.parse("2026-11-02T05:00:00Z"), Instant.parse("2026-11-09T05:00:00Z")));
        assertThat(asked).singleElement().satisfies(period -> assertThat(period).containsExactly(
                Instant.parse("2026-11-02T05:00:00Z"), Instant.parse("2026-11-09T05:00:00Z")));
        // Saturday 23:45 UTC is Saturday 18:45 in New York.
        assertThat(insights.days().get(5)).isEqualTo(new Insights.Day(LocalDate.parse("2026-11-07"), 2, 1));
        assertThat(insights.hours().get(5).get(18)).isEqualTo(3);
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwoRoundedDown() {
        assertThat(InsightsService.median(List.of(3L, 1L, 4L, 2L))).isEqualTo(2L);
        assertThat(InsightsService.median(List.of(5L, 1L, 9L))).isEqualTo(5L);
        assertThat(InsightsService.median(List.of())).isNull();
    }
}
