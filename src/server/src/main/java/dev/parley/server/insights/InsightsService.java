package dev.parley.server.insights;

import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Insights;
import dev.parley.protocol.ProtocolException;
import dev.parley.protocol.Request;
import dev.parley.server.auth.RateLimiter;
import dev.parley.server.net.Identity;
import dev.parley.server.store.BroadcastTotals;
import dev.parley.server.store.InsightsStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A person's insights over a period of local dates in their time zone, computed from what the server stores: messages
 * per day and per hour of the week, conversations started and answered, request decisions and broadcast reach.
 * Reading a year of history is the most expensive read there is, so it has a rate of its own.
 */
public final class InsightsService {
    /** An answer counts towards the response rate when it came at most this long after the first message. */
    public static final Duration ANSWERED_WITHIN = Duration.ofHours(24);
    /** {@value #BURST} requests at once, then one more every {@link #REFILL}. */
    static final int BURST = 20;
    static final Duration REFILL = Duration.ofSeconds(3);

    private final InsightsStore store;
    private final BroadcastReach broadcasts;
    private final RateLimiter limiter;

    public InsightsService(InsightsStore store, BroadcastReach broadcasts, Clock clock) {
        this.store = store;
        this.broadcasts = broadcasts;
        this.limiter = new RateLimiter(BURST, REFILL, clock);
    }

    public Insights get(Identity me, Request.InsightsGet request) {
        long wait = limiter.tryAcquire(Long.toString(me.userId()));
        if (wait > 0) {
            throw new ProtocolException(ErrorCode.RATE_LIMITED, "you are asking for insights too often; try again"
                    + " in a moment", wait);
        }
        ZoneId zone = request.zoneId();
        Instant from = request.from().atStartOfDay(zone).toInstant();
        Instant to = request.to().plusDays(1).atStartOfDay(zone).toInstant();

        int dayCount = (int) ChronoUnit.DAYS.between(request.from(), request.to()) + 1;
        int[][] perDay = new int[dayCount][2];
        int[][] hours = new int[7][24];
        for (InsightsStore.Bucket bucket : store.messageCounts(me.userId(), from, to)) {
            // Every zone's offset is a whole number of quarter hours, so a bucket lies within one local hour.
            ZonedDateTime local = bucket.start().atZone(zone);
            int day = (int) ChronoUnit.DAYS.between(request.from(), local.toLocalDate());
            perDay[day][0] += bucket.sent();
            perDay[day][1] += bucket.received();
            hours[local.getDayOfWeek().getValue() - 1][local.getHour()] += bucket.sent() + bucket.received();
        }
        List<Insights.Day> days = new ArrayList<>(dayCount);
        for (int i = 0; i < dayCount; i++) {
            days.add(new Insights.Day(request.from().plusDays(i), perDay[i][0], perDay[i][1]));
        }
        InsightsStore.Decisions decisions = store.requestDecisions(me.userId(), from, to);
        BroadcastTotals reach = broadcasts.between(me.userId(), from, to);
        return new Insights(request.from(), request.to(), zone.getId(), days,
                conversations(store.conversationsStarted(me.userId(), from, to)),
                new Insights.Requests(decisions.accepted(), decisions.declined()),
                new Insights.Broadcasts(reach.broadcasts(), reach.sent(), reach.skipped(), reach.replied(),
                        reach.optedOut()),
                java.util.Arrays.stream(hours).map(row -> java.util.Arrays.stream(row).boxed().toList()).toList());
    }

    /** Who started which conversation, and how soon the person answered those others started. */
    static Insights.Conversations conversations(List<InsightsStore.Start> starts) {
        int byMe = 0;
        int byOthers = 0;
        List<Long> delays = new ArrayList<>();
        for (InsightsStore.Start start : starts) {
            if (start.byMe()) {
                byMe++;
                continue;
            }
            byOthers++;
            if (start.firstReplyAt() != null) {
                long delay = Duration.between(start.at(), start.firstReplyAt()).toMillis();
                if (delay <= ANSWERED_WITHIN.toMillis()) {
                    delays.add(delay);
                }
            }
        }
        return new Insights.Conversations(byMe, byOthers, delays.size(), median(delays));
    }

    /** The middle value, or the mean of the two middle ones (rounded down); null for none. */
    static Long median(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
