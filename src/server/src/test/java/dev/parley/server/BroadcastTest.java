package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.protocol.BroadcastContent;
import dev.parley.protocol.Offer;
import dev.parley.protocol.DmPolicy;
import dev.parley.protocol.Request;
import dev.parley.server.store.BroadcastStore;
import dev.parley.server.store.BroadcastTotals;
import dev.parley.server.store.sqlite.SqliteBroadcastStore;
import dev.parley.server.store.jdbc.Database;
import dev.parley.server.testing.MutableClock;
import dev.parley.server.testing.ServerTest;
import dev.parley.server.testing.TestServers;
import dev.parley.server.testing.WireClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Broadcasts on the wire: alice labels her contacts "customer" and broadcasts to that segment. The server renders
 * each message, sends only to people a message would reach as an accepted one, throttles on its clock (moved by hand
 * here), honours STOP and a daily cap.
 */
class BroadcastTest extends ServerTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
    WireClient alice;
    WireClient bob;
    WireClient carol;
    long customers;

    /** A small cap and pace so that tests can reach them. */
    BroadcastStore.Pace pace() {
        return new BroadcastStore.Pace(10, 5);
    }

    @BeforeEach
    void start() {
        startServer(TestServers.config(dataDir).clock(clock).broadcastPace(pace()).build());
        alice = user("alice");
        bob = user("bob");
        carol = user("carol");
        WireClient.befriend(alice, bob);
        accepted(carol);
        label("bob", "carol");
        customers = segment(alice, "Customers", List.of("customer"));
        quiet(alice, bob, carol);
    }

    /** Tests start from quiet sockets: a round trip each lets the setup's pushes arrive first. */
    static void quiet(WireClient... clients) {
        for (WireClient client : clients) {
            client.ok(new Request.PresenceGet());
            client.drainEvents();
        }
    }

    /** Someone who wrote to alice, not a friend, whose conversation alice accepted by answering. */
    long accepted(WireClient who) {
        long id = who.ok(new Request.ConversationOpen("alice")).get("id").asLong();
        who.ok(new Request.MessageSend(id, UUID.randomUUID(), "Hello, do you sell prints?"));
        alice.ok(new Request.MessageSend(id, UUID.randomUUID(), "I do!"));
        return id;
    }

    void label(String... handles) {
        for (String handle : handles) {
            alice.ok(new Request.ContactCardSet(handle, List.of("customer"), ""));
        }
    }

    static long segment(WireClient who, String name, List<String> labels) {
        return who.ok(new Request.SegmentSave(null, name, labels, false, null)).at("/segment/id").asLong();
    }

    JsonNode preview(long segmentId, String text) {
        return alice.ok(new Request.BroadcastPreview(segmentId, new BroadcastContent(text)));
    }

    JsonNode send(long segmentId, String text) {
        return alice.ok(new Request.BroadcastSend(UUID.randomUUID(), segmentId, new BroadcastContent(text)))
                .get("broadcast");
    }

    /** The texts from alice that reached this person, as pushes. */
    static List<String> fromAlice(List<JsonNode> messages) {
        return messages.stream().filter(m -> m.get("sender").asText().equals("alice"))
                .map(m -> m.get("text").asText()).toList();
    }

    JsonNode awaitResults(long broadcastId, String field, int value) throws InterruptedException {
        return alice.awaitEvent(e -> e.get("type").asText().equals("evt.broadcast")
                && e.at("/body/broadcast/id").asLong() == broadcastId
                && e.at("/body/broadcast/" + field).asInt() == value).at("/body/broadcast");
    }

    List<String> texts(WireClient who, String with) {
        long id = who.ok(new Request.ConversationOpen(with)).get("id").asLong();
        List<String> texts = new ArrayList<>();
        who.ok(new Request.MessageHistory(id, null, 100)).get("messages").forEach(m -> texts.add(m.get("text").asText()));
        return texts;
    }

    @Test
    void broadcastSkipsBlockedPrivacyDeniedUnacceptedAndOptedOutRecipients() throws Exception {
        // dave: blocked by alice; erin: friends-only privacy; frank: a request he never accepted; gina: opted out;
        // hank: blocked alice, which shows as privacy so that a broadcast cannot reveal a block.
        WireClient dave = user("dave");
        WireClient erin = user("erin");
        WireClient frank = user("frank");
        WireClient gina = user("gina");
        WireClient hank = user("hank");
        WireClient.befriend(alice, dave);
        WireClient.befriend(alice, hank);
        long toHank = alice.ok(new Request.ConversationOpen("hank")).get("id").asLong();
        alice.ok(new Request.MessageSend(toHank, UUID.randomUUID(), "Thanks for the order"));
        long toDave = alice.ok(new Request.ConversationOpen("dave")).get("id").asLong();
        alice.ok(new Request.MessageSend(toDave, UUID.randomUUID(), "See you at the fair"));
        accepted(erin);
        long toFrank = alice.ok(new Request.ConversationOpen("frank")).get("id").asLong();
        alice.ok(new Request.MessageSend(toFrank, UUID.randomUUID(), "Hi Frank, want a discount?"));
        WireClient.befriend(alice, gina);
        label("dave", "erin", "frank", "gina", "hank");
        long friendCustomers = alice.ok(new Request.SegmentSave(null, "Friends who buy", List.of("customer"), true, null))
                .at("/segment/id").asLong();
        alice.ok(new Request.UserBlock("dave"));
        hank.ok(new Request.UserBlock("alice"));
        erin.ok(new Request.PrivacySet(DmPolicy.FRIENDS, null, null));
        // gina opts out of an earlier broadcast (the friends-only segment: bob and gina).
        long first = send(friendCustomers, "News for friends").get("id").asLong();
        clock.advance(Duration.ofSeconds(1));
        gina.awaitMessages(1);
        long withAlice = gina.ok(new Request.ConversationOpen("alice")).get("id").asLong();
        gina.ok(new Request.MessageSend(withAlice, UUID.randomUUID(), "STOP"));
        awaitResults(first, "optedOut", 1);
        quiet(alice, bob, carol);

        JsonNode preview = preview(customers, "Hi {first_name}, new prints are in!");

        assertThat(preview.get("recipients").asInt()).isEqualTo(2);
        assertThat(preview.get("skipped")).isEqualTo(new ObjectMapper().valueToTree(Map.of("blocked", 1, "privacy", 2,
                "not_accepted", 1, "opted_out", 1)));
        assertThat(preview.get("examples")).extracting(e -> e.get("text").asText())
                .containsExactly("Hi Bob, new prints are in!", "Hi Carol, new prints are in!");

        JsonNode broadcast = send(customers, "Hi {first_name}, new prints are in!");
        clock.advance(Duration.ofSeconds(1));
        JsonNode done = awaitResults(broadcast.get("id").asLong(), "sent", 2);

        assertThat(done.get("skipped").asInt()).isEqualTo(5);
        assertThat(fromAlice(bob.awaitMessages(1))).containsExactly("Hi Bob, new prints are in!");
        assertThat(fromAlice(carol.awaitMessages(1))).containsExactly("Hi Carol, new prints are in!");
        JsonNode detail = alice.ok(new Request.BroadcastGet(broadcast.get("id").asLong()));
        assertThat(detail.get("recipients")).extracting(r -> r.get("handle").asText() + ":" + r.get("status").asText()
                + ":" + r.path("reason").asText()).containsExactly("bob:sent:", "carol:sent:",
                        "dave:skipped:blocked", "erin:skipped:privacy", "frank:skipped:not_accepted",
                        "gina:skipped:opted_out", "hank:skipped:privacy");
        assertThat(texts(frank, "alice")).as("nothing more reaches the unaccepted request")
                .containsExactly("Hi Frank, want a discount?");
        assertThat(texts(erin, "alice")).doesNotContain("Hi Erin, new prints are in!");
    }

    @Test
    void replyingStopOptsOutTellsTheRecipientOnceAndTheSenderSeesIt() throws Exception {
        long id = send(customers, "Sale today, {name}!").get("id").asLong();
        clock.advance(Duration.ofSeconds(1));
        carol.awaitMessages(1);
        long withAlice = carol.ok(new Request.ConversationOpen("alice")).get("id").asLong();
        bob.awaitMessages(1);
        long bobWithAlice = bob.ok(new Request.ConversationOpen("alice")).get("id").asLong();

        bob.ok(new Request.MessageSend(bobWithAlice, UUID.randomUUID(), "please stop sending me these"));
        awaitResults(id, "replied", 1);
        carol.ok(new Request.MessageSend(withAlice, UUID.randomUUID(), "  Unsubscribe! "));

        JsonNode results = awaitResults(id, "optedOut", 1);
        JsonNode card = alice.awaitEvent(e -> e.get("type").asText().equals("evt.contact.card")).at("/body/card");
        List<String> notice = fromAlice(carol.awaitMessages(2));
        carol.ok(new Request.MessageSend(withAlice, UUID.randomUUID(), "STOP"));

        assertThat(results.get("replied").asInt()).as("an opt-out is no reply").isEqualTo(1);
        assertThat(card.get("handle").asText()).isEqualTo("carol");
        assertThat(card.get("optedOutAt").asText()).isEqualTo("2026-12-01T09:00:01Z");
        assertThat(notice).hasSize(1);
        assertThat(notice.get(0)).contains("unsubscribed").contains("Alice");
        assertThat(alice.ok(new Request.ContactCardGet("carol")).at("/card/optedOutAt").isTextual()).isTrue();
        assertThat(texts(carol, "alice").stream().filter(t -> t.contains("unsubscribed"))).as("told once").hasSize(1);
        JsonNode next = preview(customers, "Another sale, {first_name}");
        assertThat(next.get("recipients").asInt()).isEqualTo(1);
        assertThat(next.at("/skipped/opted_out").asInt()).isEqualTo(1);
        assertThat(alice.ok(new Request.ContactCardGet("bob")).at("/card/optedOutAt").isTextual())
                .as("'please stop…' is a reply, not an opt-out").isFalse();
    }

    @Test
    void resendingABroadcastWithTheSameClientIdSendsOnce() throws Exception {
        Request.BroadcastSend request = new Request.BroadcastSend(UUID.randomUUID(), customers,
                new BroadcastContent("Hello {first_name}"));
        JsonNode first = alice.ok(request);
        JsonNode again = alice.ok(request);
        clock.advance(Duration.ofSeconds(1));
        awaitResults(first.at("/broadcast/id").asLong(), "sent", 2);

        assertThat(again.get("duplicate").asBoolean()).isTrue();
        assertThat(again.at("/broadcast/id")).isEqualTo(first.at("/broadcast/id"));
        assertThat(alice.ok(new Request.BroadcastList()).get("broadcasts")).hasSize(1);
        assertThat(texts(bob, "alice")).containsExactly("Hello Bob");
    }

    @Test
    void aBroadcastCanCarryAnOfferThatEveryRecipientGetsWithTheirOwnComment() throws Exception {
        Offer offer = new Offer("20% off prints", "This weekend only.", "PRINT20", clock.instant().plus(
                Duration.ofDays(2)));
        JsonNode preview = alice.ok(new Request.BroadcastPreview(customers,
                new BroadcastContent("For you, {first_name}", offer)));
        assertThat(preview.get("recipients").asInt()).isEqualTo(2);

        long id = alice.ok(new Request.BroadcastSend(UUID.randomUUID(), customers,
                new BroadcastContent("For you, {first_name}", offer))).at("/broadcast/id").asLong();
        clock.advance(Duration.ofSeconds(1));
        awaitResults(id, "sent", 2);

        JsonNode toBob = bob.awaitMessages(1).get(0);
        assertThat(toBob.get("text").asText()).isEqualTo("For you, Bob");
        assertThat(toBob.at("/offer/title").asText()).isEqualTo("20% off prints");
        assertThat(toBob.at("/offer/code").asText()).isEqualTo("PRINT20");
        assertThat(Instant.parse(toBob.at("/offer/expiresAt").asText())).isEqualTo(offer.expiresAt());
        assertThat(carol.awaitMessages(1).get(0).at("/offer/title").asText()).isEqualTo("20% off prints");
        assertThat(alice.ok(new Request.BroadcastList()).at("/broadcasts/0/content/offer/code").asText())
                .isEqualTo("PRINT20");
    }

    @Test
    void aBroadcastOfferThatHasEndedIsRefusedAndNothingIsSent() {
        Offer ended = new Offer("Flash sale", "", null, clock.instant().minus(Duration.ofMinutes(1)));

        JsonNode refused = alice.error(new Request.BroadcastSend(UUID.randomUUID(), customers,
                new BroadcastContent("", ended)));

        assertThat(refused.get("code").asText()).isEqualTo("bad_request");
        assertThat(refused.get("message").asText()).contains("end in the future");
        assertThat(alice.ok(new Request.BroadcastList()).get("broadcasts")).isEmpty();
    }

    @Test
    void badBroadcastsAreRefusedWithTypedErrorsAndChangeNothing() {
        long bobs = segment(bob, "Mine", List.of());
        alice.ok(new Request.ContactSet("bob", Map.of("city", "Porto")));

        assertThat(alice.error(new Request.BroadcastSend(UUID.randomUUID(), 999L, new BroadcastContent("Hi")))
                .get("code").asText()).isEqualTo("not_found");
        assertThat(alice.error(new Request.BroadcastSend(UUID.randomUUID(), bobs, new BroadcastContent("Hi")))
                .get("code").asText()).as("someone else's segment").isEqualTo("not_found");
        assertThat(alice.error(new Request.BroadcastPreview(bobs, new BroadcastContent("Hi"))).get("code").asText())
                .isEqualTo("not_found");
        assertThat(alice.rawRequest("broadcast.send", "{\"clientId\":\"" + UUID.randomUUID() + "\",\"segmentId\":"
                + customers + ",\"content\":{\"text\":\"" + "x".repeat(4_097) + "\"}}").get("code").asText())
                .isEqualTo("too_large");
        JsonNode unknown = alice.error(new Request.BroadcastSend(UUID.randomUUID(), customers,
                new BroadcastContent("Hi {nickname}")));
        assertThat(unknown.get("code").asText()).isEqualTo("bad_request");
        assertThat(unknown.get("message").asText()).contains("{nickname}");
        JsonNode empty = alice.error(new Request.BroadcastSend(UUID.randomUUID(), customers,
                new BroadcastContent("See you in {city}")));
        assertThat(empty.get("code").asText()).isEqualTo("bad_request");
        assertThat(empty.get("message").asText()).contains("@carol");
        assertThat(alice.rawRequest("segment.save", "{\"name\":\"x\",\"labels\":[\"no spaces\"]}").get("code")
                .asText()).isEqualTo("bad_request");
        assertThat(alice.error(new Request.SegmentDelete(bobs)).get("code").asText()).isEqualTo("not_found");

        assertThat(alice.ok(new Request.BroadcastList()).get("broadcasts")).isEmpty();
        assertThat(bob.ok(new Request.SegmentList()).get("segments")).hasSize(1);
        assertThat(texts(bob, "alice")).isEmpty();
    }

    @Test
    void labelsNotesAndSegmentsArePrivateAndReachEveryDeviceOfTheirOwner() throws Exception {
        WireClient laptop = track(alice.resume(server.uri()));
        alice.ok(new Request.ContactCardSet("bob", List.of("VIP", "collab", "vip"), "Met at the Porto fair"));

        JsonNode card = laptop.awaitEvent(e -> e.get("type").asText().equals("evt.contact.card")
                && e.at("/body/card/handle").asText().equals("bob")).at("/body/card");
        long vips = segment(laptop, "VIPs", List.of("vip"));
        JsonNode segments = alice.awaitEvent(e -> e.get("type").asText().equals("evt.segments")
                && e.at("/body/segments").size() == 2).at("/body/segments");

        assertThat(card.get("labels")).extracting(JsonNode::asText).containsExactly("collab", "vip");
        assertThat(card.get("note").asText()).isEqualTo("Met at the Porto fair");
        assertThat(alice.ok(new Request.LabelList()).get("labels")).extracting(JsonNode::asText)
                .as("most used first, then by name").containsExactly("collab", "customer", "vip");
        assertThat(segments).extracting(s -> s.get("id").asLong()).containsExactly(customers, vips);
        assertThat(bob.ok(new Request.ContactCardGet("alice")).at("/card/labels")).isEmpty();
        assertThat(bob.ok(new Request.SegmentList()).get("segments")).isEmpty();
        assertThat(preview(vips, "Hi").get("recipients").asInt()).isEqualTo(1);
    }

    @Test
    void badLabelsAndNotesAreRefusedAndChangeNothing() {
        alice.ok(new Request.ContactCardSet("bob", List.of("customer"), "Likes A3"));

        assertThat(alice.rawRequest("contact.card.set", "{\"handle\":\"bob\",\"labels\":[\"a b\"]}")
                .get("code").asText()).isEqualTo("bad_request");
        assertThat(alice.rawRequest("contact.card.set", "{\"handle\":\"bob\",\"labels\":[],\"note\":\""
                + "n".repeat(1_001) + "\"}").get("code").asText()).isEqualTo("too_large");
        List<String> eleven = java.util.stream.IntStream.range(0, 11).mapToObj(i -> "l" + i).toList();
        assertThat(alice.rawRequest("contact.card.set", "{\"handle\":\"bob\",\"labels\":[\""
                + String.join("\",\"", eleven) + "\"]}").get("code").asText()).isEqualTo("bad_request");
        assertThat(alice.error(new Request.ContactCardSet("alice", List.of("me"), "")).get("code").asText())
                .isEqualTo("bad_request");
        assertThat(alice.error(new Request.ContactCardSet("nobody", List.of(), "")).get("code").asText())
                .isEqualTo("not_found");

        JsonNode card = alice.ok(new Request.ContactCardGet("bob")).get("card");
        assertThat(card.get("labels")).extracting(JsonNode::asText).containsExactly("customer");
        assertThat(card.get("note").asText()).isEqualTo("Likes A3");
        assertThat(alice.ok(new Request.LabelList()).get("labels")).extracting(JsonNode::asText)
                .containsExactly("customer");
    }

    @Test
    void aSegmentCanAskForPeopleWhoWroteRecently() {
        clock.advance(Duration.ofDays(10));
        long recent = alice.ok(new Request.SegmentSave(null, "Recent", List.of(), false, 7)).at("/segment/id")
                .asLong();
        assertThat(preview(recent, "Hi").get("recipients").asInt()).isZero();

        long id = bob.ok(new Request.ConversationOpen("alice")).get("id").asLong();
        bob.ok(new Request.MessageSend(id, UUID.randomUUID(), "Are you around?"));

        assertThat(preview(recent, "Hi {first_name}").get("examples")).extracting(e -> e.get("handle").asText())
                .containsExactly("bob");
    }

    @Test
    void totalsCountASendersBroadcastsSentSkippedRepliesAndOptOutsInAPeriod() throws Exception {
        Instant start = clock.instant();
        long first = send(customers, "Hi {first_name}").get("id").asLong();
        clock.advance(Duration.ofSeconds(1));
        awaitResults(first, "sent", 2);
        bob.ok(new Request.MessageSend(bob.ok(new Request.ConversationOpen("alice")).get("id").asLong(),
                UUID.randomUUID(), "Thanks!"));
        carol.ok(new Request.MessageSend(carol.ok(new Request.ConversationOpen("alice")).get("id").asLong(),
                UUID.randomUUID(), "stop"));
        awaitResults(first, "optedOut", 1);
        clock.advance(Duration.ofDays(2));
        long second = send(customers, "Hello again {first_name}").get("id").asLong();
        clock.advance(Duration.ofSeconds(1));
        awaitResults(second, "sent", 1);
        long aliceId = 1;
        server.stop();

        Database db = TestServers.database(dataDir);
        try {
            SqliteBroadcastStore store = new SqliteBroadcastStore(db);
            assertThat(store.totals(aliceId, start, start.plus(Duration.ofDays(1))))
                    .isEqualTo(new BroadcastTotals(1, 2, 0, 1, 1));
            assertThat(store.totals(aliceId, start, start.plus(Duration.ofDays(3))))
                    .isEqualTo(new BroadcastTotals(2, 3, 1, 1, 1));
            assertThat(store.totals(aliceId, start.plus(Duration.ofDays(3)), start.plus(Duration.ofDays(4))))
                    .isEqualTo(BroadcastTotals.NONE);
            assertThat(store.totals(2, start, start.plus(Duration.ofDays(3))))
                    .as("bob broadcast nothing").isEqualTo(BroadcastTotals.NONE);
        } finally {
            db.close();
        }
    }
}
