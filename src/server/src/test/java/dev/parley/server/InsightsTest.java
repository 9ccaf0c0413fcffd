package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.Insights;
import dev.parley.protocol.Request;
import dev.parley.server.testing.MutableClock;
import dev.parley.server.testing.ServerTest;
import dev.parley.server.testing.TestServers;
import dev.parley.server.testing.WireClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Insights on the wire: a week of history seeded through the real server on a clock moved by hand, whose every
 * figure is known, read back in the person's time zone (India, half an hour off UTC's hours).
 */
class InsightsTest extends ServerTest {
    static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    static final LocalDate MONDAY = LocalDate.parse("2026-11-02");
    static final LocalDate SUNDAY = LocalDate.parse("2026-11-08");

    final MutableClock clock = new MutableClock(Instant.parse("2026-10-31T00:00:00Z"));

    /** Moves the server's clock forward to this local time in Kolkata. */
    void at(String localDateTime) {
        Instant target = LocalDateTime.parse(localDateTime).atZone(KOLKATA).toInstant();
        assertThat(target).as("the clock only moves forward").isAfterOrEqualTo(clock.instant());
        clock.advance(Duration.between(clock.instant(), target));
    }

    static long send(WireClient who, long conversationId, String text) {
        return who.ok(new Request.MessageSend(conversationId, UUID.randomUUID(), text)).at("/message/seq").asLong();
    }

    static long open(WireClient who, WireClient other) {
        return who.ok(new Request.ConversationOpen(other.handle())).get("id").asLong();
    }

    Insights insights(WireClient who, LocalDate from, LocalDate to, String zone) {
        return who.ok(new Request.InsightsGet(from, to, zone), Insights.class);
    }

    @Test
    void aSeededWeekReadsBackExactlyInTheCallersTimeZone() {
        startServer(TestServers.config(dataDir).clock(clock).build());
        WireClient sam = user("sam");
        WireClient ann = user("ann");
        WireClient ben = user("ben");
        WireClient fay = user("fay");
        WireClient cal = user("cal");
        WireClient dee = user("dee");
        WireClient eve = user("eve");
        WireClient hal = user("hal");
        WireClient.befriend(sam, ann);
        WireClient.befriend(sam, ben);
        WireClient.befriend(sam, fay);
        WireClient.befriend(ann, ben);

        // Before the period: a conversation with Ann begins, and a request from Hal is declined.
        at("2026-11-01T10:00");
        long withAnn = open(sam, ann);
        send(sam, withAnn, "old news");
        at("2026-11-01T12:00");
        long withHal = open(hal, sam);
        send(hal, withHal, "hello?");
        at("2026-11-01T12:30");
        sam.ok(new Request.RequestDecline(withHal));

        // Monday: Ann writes in their old conversation, Sam answers.
        at("2026-11-02T09:10");
        send(ann, withAnn, "hi");
        at("2026-11-02T09:40");
        send(sam, withAnn, "hey");
        // Tuesday 02:00 in Kolkata is still Monday in UTC: Sam starts a conversation with Ben.
        at("2026-11-03T02:00");
        send(sam, open(sam, ben), "are you up?");
        // Tuesday: a stranger's request, answered 2 h 30 min later (which accepts it).
        at("2026-11-03T10:00");
        long withCal = open(cal, sam);
        send(cal, withCal, "love your mugs");
        at("2026-11-03T12:30");
        send(sam, withCal, "thank you!");
        // Wednesday: a request accepted at once but answered only after 25 hours.
        at("2026-11-04T08:00");
        long withDee = open(dee, sam);
        send(dee, withDee, "collab?");
        at("2026-11-04T08:05");
        sam.ok(new Request.RequestAccept(withDee));
        at("2026-11-05T09:00");
        send(sam, withDee, "sorry, busy week");
        // Thursday: spam, declined and never answered.
        at("2026-11-05T14:00");
        long withEve = open(eve, sam);
        send(eve, withEve, "buy now");
        at("2026-11-05T14:01");
        send(eve, withEve, "last chance");
        at("2026-11-05T15:00");
        sam.ok(new Request.RequestDecline(withEve));
        // Friday: a friend starts a conversation, answered after 45 minutes; a reaction is no message.
        at("2026-11-06T20:00");
        long withFay = open(fay, sam);
        long fayAsks = send(fay, withFay, "kiln free tomorrow?");
        at("2026-11-06T20:45");
        send(sam, withFay, "yes, from 9");
        sam.ok(new Request.MessageReact(withFay, fayAsks, "👍"));
        // Saturday: a group (its lines about members are no messages); Sam's poll is one.
        at("2026-11-07T11:00");
        long group = ann.ok(new Request.GroupCreate(UUID.randomUUID(), "Studio", null, List.of("sam", "ben")))
                .at("/conversation/id").asLong();
        at("2026-11-07T11:05");
        long annInGroup = send(ann, group, "welcome!");
        at("2026-11-07T11:10");
        sam.ok(new Request.PollCreate(group, UUID.randomUUID(), "Saturday or Sunday?", List.of("Sat", "Sun"),
                false, false));
        at("2026-11-07T11:15");
        send(ben, group, "Sunday");
        sam.ok(new Request.MessageReact(group, annInGroup, "🎉"));
        // Sunday: an unsent message does not count, the next one does.
        at("2026-11-08T16:00");
        long oops = send(sam, withAnn, "oops, wrong chat");
        sam.ok(new Request.MessageUnsend(withAnn, oops));
        at("2026-11-08T16:01");
        send(sam, withAnn, "see you");
        // After the period.
        at("2026-11-09T00:10");
        send(ann, withAnn, "morning");

        Insights week = insights(sam, MONDAY, SUNDAY, "Asia/Kolkata");

        assertThat(week.zone()).isEqualTo("Asia/Kolkata");
        assertThat(week.days()).containsExactly(
                new Insights.Day(MONDAY, 1, 1),
                new Insights.Day(MONDAY.plusDays(1), 2, 1),
                new Insights.Day(MONDAY.plusDays(2), 0, 1),
                new Insights.Day(MONDAY.plusDays(3), 1, 2),
                new Insights.Day(MONDAY.plusDays(4), 1, 1),
                new Insights.Day(MONDAY.plusDays(5), 1, 2),
                new Insights.Day(SUNDAY, 1, 0));
        assertThat(week.totalSent()).isEqualTo(7);
        assertThat(week.totalReceived()).isEqualTo(8);
        // Started by others in the period: Cal, Dee, Eve, Fay; answered within 24 h: Cal (2 h 30) and Fay (45 min).
        assertThat(week.conversations()).isEqualTo(new Insights.Conversations(1, 4, 2,
                (Duration.ofMinutes(150).toMillis() + Duration.ofMinutes(45).toMillis()) / 2));
        assertThat(week.requests()).isEqualTo(new Insights.Requests(2, 1));
        assertThat(week.broadcasts()).isEqualTo(new Insights.Broadcasts(0, 0, 0, 0, 0));
        int[][] expected = new int[7][24];
        expected[0][9] = 2;
        expected[1][2] = 1;
        expected[1][10] = 1;
        expected[1][12] = 1;
        expected[2][8] = 1;
        expected[3][9] = 1;
        expected[3][14] = 2;
        expected[4][20] = 2;
        expected[5][11] = 3;
        expected[6][16] = 1;
        assertThat(week.hours()).isEqualTo(asLists(expected));

        // The same Monday in UTC takes in Tuesday 02:00 in Kolkata (20:30 UTC), and the conversation started then.
        Insights mondayUtc = insights(sam, MONDAY, MONDAY, "UTC");
        assertThat(mondayUtc.days()).containsExactly(new Insights.Day(MONDAY, 2, 1));
        assertThat(mondayUtc.conversations()).isEqualTo(new Insights.Conversations(1, 0, 0, null));
        assertThat(mondayUtc.hours().get(0).get(20)).isEqualTo(1);

        // Ann's view of the same week: the group counts for her too, the 1:1 figures are hers.
        Insights annWeek = insights(ann, MONDAY, SUNDAY, "Asia/Kolkata");
        assertThat(annWeek.totalSent()).isEqualTo(2);
        assertThat(annWeek.totalReceived()).isEqualTo(4);
        assertThat(annWeek.conversations()).isEqualTo(new Insights.Conversations(0, 0, 0, null));
    }

    @Test
    void aDayWithNothingInItIsZeroFilled() {
        startServer(TestServers.config(dataDir).clock(clock).build());
        WireClient sam = user("sam");

        Insights empty = insights(sam, MONDAY, SUNDAY, "+05:30");

        assertThat(empty.days()).hasSize(7).allMatch(day -> day.sent() == 0 && day.received() == 0);
        assertThat(empty.hours()).hasSize(7).allMatch(row -> row.size() == 24 && row.stream().allMatch(n -> n == 0));
        assertThat(empty.conversations()).isEqualTo(new Insights.Conversations(0, 0, 0, null));
        assertThat(empty.requests()).isEqualTo(new Insights.Requests(0, 0));
    }

    @Test
    void aYearOfThreeThousandMessagesIsCountedExactly() {
        startServer(TestServers.config(dataDir).clock(clock).build());
        WireClient sam = user("sam");
        WireClient ann = user("ann");
        WireClient.befriend(sam, ann);
        long chat = open(sam, ann);
        for (int batch = 0; batch < 30; batch++) {
            List<CompletableFuture<JsonNode>> sent = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                WireClient from = i % 3 == 0 ? ann : sam;
                sent.add(from.request(new Request.MessageSend(chat, UUID.randomUUID(), "message " + i)));
            }
            sent.forEach(reply -> assertThat(reply.join().get("type").asText()).isEqualTo("ok"));
            clock.advance(Duration.ofHours(11));
        }

        Insights year = insights(sam, LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"), "Europe/Lisbon");

        assertThat(year.days()).hasSize(365);
        assertThat(year.totalSent()).isEqualTo(30 * 66);
        assertThat(year.totalReceived()).isEqualTo(30 * 34);
        assertThat(year.hours().stream().flatMap(List::stream).mapToInt(Integer::intValue).sum()).isEqualTo(3000);
    }

    @Test
    void badPeriodsAndZonesAreRefusedWithTypedErrors() {
        startServer(TestServers.config(dataDir).clock(clock).build());
        WireClient sam = user("sam");

        assertBadRequest(sam, "{\"from\":\"2026-11-08\",\"to\":\"2026-11-02\",\"zone\":\"UTC\"}", "after");
        assertBadRequest(sam, "{\"from\":\"2025-01-01\",\"to\":\"2026-01-02\",\"zone\":\"UTC\"}", "366 days");
        assertBadRequest(sam, "{\"from\":\"2026-11-02\",\"to\":\"2026-11-08\",\"zone\":\"Mars/Olympus\"}",
                "time zone");
        assertBadRequest(sam, "{\"from\":\"2026-11-02\",\"to\":\"2026-11-08\"}", "zone");
        assertBadRequest(sam, "{\"from\":\"2026-13-02\",\"to\":\"2026-11-08\",\"zone\":\"UTC\"}", "from");
        assertBadRequest(sam, "{\"from\":\"2026-11-02\",\"to\":\"2026-11-08\",\"zone\":\"UTC\",\"extra\":1}",
                "extra");
        // A leap year's 366 days is the longest period.
        JsonNode year = sam.rawRequest("insights.get", "{\"from\":\"2028-01-01\",\"to\":\"2028-12-31\",\"zone\":\"UTC\"}");
        assertThat(year.get("type").asText()).isEqualTo("ok");
        assertThat(year.at("/body/days")).hasSize(366);
    }

    @Test
    void askingTooOftenIsRateLimitedUntilTheBucketRefills() {
        startServer(TestServers.config(dataDir).clock(clock).build());
        WireClient sam = user("sam");
        Request.InsightsGet week = new Request.InsightsGet(MONDAY, SUNDAY, "UTC");
        for (int i = 0; i < 20; i++) {
            sam.ok(week);
        }

        JsonNode refused = sam.error(week);

        assertThat(refused.get("code").asText()).isEqualTo("rate_limited");
        assertThat(refused.get("retryAfterMs").asLong()).isPositive();
        clock.advance(Duration.ofMillis(refused.get("retryAfterMs").asLong()));
        sam.ok(week);
    }

    @Test
    void insightsNeedSignIn() {
        startServer(TestServers.config(dataDir).clock(clock).build());
        WireClient anonymous = track(WireClient.connect(server.uri()));

        assertThat(anonymous.error(new Request.InsightsGet(MONDAY, SUNDAY, "UTC")).get("code").asText())
                .isEqualTo("unauthorized");
    }

    static void assertBadRequest(WireClient who, String body, String messagePart) {
        JsonNode reply = who.rawRequest("insights.get", body);
        assertThat(reply.get("type").asText()).as(body).isEqualTo("error");
        assertThat(reply.get("code").asText()).as(body).isEqualTo("bad_request");
        assertThat(reply.get("message").asText()).as(body).contains(messagePart);
    }

    static List<List<Integer>> asLists(int[][] grid) {
        return java.util.Arrays.stream(grid).map(row -> java.util.Arrays.stream(row).boxed().toList()).toList();
    }
}
