package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.Request;
import dev.parley.server.social.DeliveryRules;
import dev.parley.server.testing.GroupTest;
import dev.parley.server.testing.WireClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Polls in a group: creating, voting, changing and retracting votes, closing, and anonymous polls. */
class PollsTest extends GroupTest {
    static final List<String> DAYS = List.of("Friday", "Saturday", "Sunday");

    JsonNode poll(WireClient author, long group, boolean multiple, boolean anonymous) {
        return author.ok(new Request.PollCreate(group, UUID.randomUUID(), "Which day?", DAYS, multiple, anonymous))
                .get("message");
    }

    static JsonNode vote(WireClient who, long group, long seq, Integer... options) {
        return who.ok(new Request.PollVote(group, seq, List.of(options)));
    }

    /** The poll as the member reads it now in the history. */
    static JsonNode results(WireClient who, long group, long seq) {
        for (JsonNode message : history(who, group)) {
            if (message.get("seq").asLong() == seq) {
                return message.get("poll");
            }
        }
        throw new AssertionError("no message " + seq);
    }

    static List<Integer> counts(JsonNode poll) {
        List<Integer> counts = new ArrayList<>();
        poll.get("options").forEach(option -> counts.add(option.get("votes").asInt()));
        return counts;
    }

    @Test
    void aPollReachesEveryMemberWithItsOptionsAndNoVotes() throws Exception {
        long group = createGroup("Team", bob, carol);

        JsonNode poll = poll(alice, group, false, false);
        JsonNode toBob = bob.awaitEvent(e -> e.at("/body/message/kind").asText().equals("poll"));

        assertThat(poll.get("kind").asText()).isEqualTo("poll");
        assertThat(poll.get("text").asText()).isEqualTo("Which day?");
        assertThat(poll.at("/poll/question").asText()).isEqualTo("Which day?");
        assertThat(poll.at("/poll/options/1/text").asText()).isEqualTo("Saturday");
        assertThat(counts(poll.get("poll"))).containsExactly(0, 0, 0);
        assertThat(poll.at("/poll/closed").asBoolean()).isFalse();
        assertThat(toBob.at("/body/message")).isEqualTo(poll);
    }

    @Test
    void aVoteCountsNamesTheVoterAndCanBeChangedAndRetracted() throws Exception {
        long group = createGroup("Team", bob, carol);
        long seq = poll(alice, group, false, false).get("seq").asLong();

        JsonNode event = vote(bob, group, seq, 1).get("message");
        JsonNode toAlice = alice.awaitEvent(e -> e.at("/body/message/kind").asText().equals("poll_update"));

        assertThat(event.get("target").asLong()).isEqualTo(seq);
        assertThat(counts(event.get("poll"))).containsExactly(0, 1, 0);
        assertThat(event.at("/poll/options/1/handles/0").asText()).isEqualTo("bob");
        assertThat(toAlice.at("/body/message")).isEqualTo(event);

        vote(bob, group, seq, 2);
        assertThat(counts(results(carol, group, seq))).containsExactly(0, 0, 1);

        JsonNode retracted = vote(bob, group, seq).get("message");
        assertThat(counts(retracted.get("poll"))).containsExactly(0, 0, 0);
        assertThat(retracted.at("/poll/voters").asInt()).isZero();
    }

    @Test
    void theSameVoteTwiceStoresNothingNew() {
        long group = createGroup("Team", bob, carol);
        long seq = poll(alice, group, false, false).get("seq").asLong();
        vote(bob, group, seq, 0);
        int stored = history(alice, group).size();

        JsonNode again = vote(bob, group, seq, 0);

        assertThat(again.get("duplicate").asBoolean()).isTrue();
        assertThat(again.at("/message/seq").asLong()).isEqualTo(seq);
        assertThat(history(alice, group)).hasSize(stored);
    }

    @Test
    void aMultipleChoicePollTakesSeveralOptionsFromOnePerson() {
        long group = createGroup("Team", bob, carol);
        long seq = poll(alice, group, true, false).get("seq").asLong();

        vote(bob, group, seq, 0, 2);
        vote(carol, group, seq, 2);

        JsonNode poll = results(alice, group, seq);
        assertThat(poll.get("multiple").asBoolean()).isTrue();
        assertThat(counts(poll)).containsExactly(1, 0, 2);
        assertThat(poll.get("voters").asInt()).isEqualTo(2);
    }

    @Test
    void votesFromTwoPeopleAtOnceConvergeOnEveryDevice() throws Exception {
        long group = createGroup("Team", bob, carol);
        WireClient alicesLaptop = track(alice.resume(server.uri()));
        long seq = poll(alice, group, true, false).get("seq").asLong();
        quiet(alice, alicesLaptop, bob, carol);

        CompletableFuture<JsonNode> bobs = bob.request(new Request.PollVote(group, seq, List.of(0, 1)));
        CompletableFuture<JsonNode> carols = carol.request(new Request.PollVote(group, seq, List.of(1)));
        CompletableFuture.allOf(bobs, carols).join();

        JsonNode expected = results(alice, group, seq);
        assertThat(counts(expected)).containsExactly(1, 2, 0);
        for (WireClient device : List.of(alice, alicesLaptop, bob, carol)) {
            // Events apply in seq order: the update with the highest seq carries what everyone sees.
            List<JsonNode> updates = new ArrayList<>();
            await().until(() -> {
                device.drainEvents().stream().filter(e -> e.at("/body/message/kind").asText().equals("poll_update"))
                        .forEach(updates::add);
                return updates.size() == 2;
            });
            JsonNode last = updates.stream().max((a, b) -> Long.compare(a.at("/body/message/seq").asLong(),
                    b.at("/body/message/seq").asLong())).orElseThrow();
            assertThat(last.at("/body/message/poll")).isEqualTo(expected);
        }
    }

    @Test
    void anAnonymousPollRevealsNoVoterToAnyone() throws Exception {
        long group = createGroup("Team", bob, carol);
        JsonNode created = poll(alice, group, false, true);
        long seq = created.get("seq").asLong();
        quiet(alice, bob, carol);
        List<String> seen = new ArrayList<>();

        seen.add(vote(bob, group, seq, 0).toString());
        seen.add(vote(carol, group, seq, 0).toString());
        seen.add(vote(carol, group, seq, 1).toString());
        seen.add(vote(bob, group, seq, 0).toString());
        seen.add(vote(bob, group, seq).toString());
        seen.add(vote(bob, group, seq, 2).toString());
        seen.add(alice.ok(new Request.PollClose(group, seq)).toString());

        List<JsonNode> events = new ArrayList<>();
        for (WireClient member : List.of(alice, bob, carol)) {
            List<JsonNode> updates = new ArrayList<>();
            await().until(() -> {
                member.drainEvents().stream().filter(e -> e.at("/body/message/kind").asText().equals("poll_update"))
                        .forEach(updates::add);
                return updates.size() == 6;
            });
            events.addAll(updates);
            for (JsonNode message : history(member, group)) {
                if (message.get("seq").asLong() >= seq) {
                    seen.add(message.toString());
                }
            }
            for (JsonNode message : member.ok(new Request.Sync(Map.of(group, seq - 1))).get("messages")) {
                if (message.get("conversationId").asLong() == group && message.get("seq").asLong() >= seq) {
                    seen.add(message.toString());
                }
            }
        }
        events.forEach(event -> seen.add(event.toString()));

        assertThat(events).hasSize(18).as("six updates (five votes and the close) to three members");
        for (String json : seen) {
            assertThat(json).doesNotContain("bob").doesNotContain("carol").doesNotContain("handles");
        }
        for (JsonNode event : events) {
            assertThat(event.at("/body/message/sender").asText()).as("the poll's author").isEqualTo("alice");
        }
        JsonNode poll = results(carol, group, seq);
        assertThat(counts(poll)).containsExactly(0, 1, 1);
        assertThat(poll.get("anonymous").asBoolean()).isTrue();
        assertThat(poll.get("closed").asBoolean()).isTrue();
    }

    @Test
    void theAuthorOrAnAdminClosesAPollAndThenItTakesNoVotes() {
        long group = createGroup("Team", bob, carol);
        long mine = poll(alice, group, false, false).get("seq").asLong();
        long bobs = poll(bob, group, false, false).get("seq").asLong();
        vote(carol, group, mine, 2);

        assertThat(code(carol.error(new Request.PollClose(group, mine)))).isEqualTo("forbidden");
        JsonNode closed = alice.ok(new Request.PollClose(group, mine)).get("message");
        JsonNode admin = alice.ok(new Request.PollClose(group, bobs)).get("message");

        assertThat(closed.at("/poll/closed").asBoolean()).isTrue();
        assertThat(closed.get("sender").asText()).isEqualTo("alice");
        assertThat(admin.get("sender").asText()).as("the author of the poll, not who closed it").isEqualTo("bob");
        assertThat(alice.ok(new Request.PollClose(group, mine)).get("duplicate").asBoolean()).isTrue();
        assertThat(code(carol.error(new Request.PollVote(group, mine, List.of(0))))).isEqualTo("conflict");
        assertThat(counts(results(bob, group, mine))).containsExactly(0, 0, 1);
        assertThat(code(alice.error(new Request.MessageUnsend(group, mine)))).as("a poll cannot be unsent")
                .isEqualTo("not_found");
    }

    @Test
    void badVotesAreRefusedAndChangeNothing() {
        long group = createGroup("Team", bob, carol);
        long seq = poll(alice, group, false, false).get("seq").asLong();
        long text = send(alice, group, "not a poll").get("seq").asLong();
        alice.ok(new Request.GroupMute(group, "carol", true));

        assertThat(code(bob.error(new Request.PollVote(group, seq, List.of(3))))).isEqualTo("bad_request");
        assertThat(code(bob.error(new Request.PollVote(group, seq, List.of(0, 1))))).as("single choice")
                .isEqualTo("bad_request");
        assertThat(code(bob.rawRequest("poll.vote", "{\"conversationId\":" + group + ",\"seq\":" + seq
                + ",\"options\":[-1]}"))).isEqualTo("bad_request");
        assertThat(code(bob.rawRequest("poll.vote", "{\"conversationId\":" + group + ",\"seq\":" + seq + "}")))
                .isEqualTo("bad_request");
        assertThat(code(bob.error(new Request.PollVote(group, text, List.of(0))))).isEqualTo("not_found");
        assertThat(code(bob.error(new Request.PollVote(group, 999L, List.of(0))))).isEqualTo("not_found");
        assertThat(code(dana.error(new Request.PollVote(group, seq, List.of(0))))).as("not a member")
                .isEqualTo("not_found");
        assertThat(code(carol.error(new Request.PollVote(group, seq, List.of(0))))).as("muted")
                .isEqualTo("forbidden");
        assertThat(results(alice, group, seq).get("voters").asInt()).isZero();
    }

    @Test
    void badPollsAreRefusedAndNothingIsStored() {
        long group = createGroup("Team", bob, carol);
        int before = history(alice, group).size();
        String start = "{\"conversationId\":" + group + ",\"clientId\":\"" + UUID.randomUUID() + "\",";

        assertThat(code(alice.rawRequest("poll.create", start + "\"question\":\"Q?\",\"options\":[\"one\"]}")))
                .isEqualTo("bad_request");
        assertThat(code(alice.rawRequest("poll.create", start + "\"question\":\"Q?\",\"options\":"
                + "[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\",\"11\"]}"))).isEqualTo("bad_request");
        assertThat(code(alice.rawRequest("poll.create", start + "\"question\":\"Q?\",\"options\":[\"a\",\"A\"]}")))
                .isEqualTo("bad_request");
        assertThat(code(alice.rawRequest("poll.create", start + "\"question\":\" \",\"options\":[\"a\",\"b\"]}")))
                .isEqualTo("bad_request");
        assertThat(code(dana.error(new Request.PollCreate(group, UUID.randomUUID(), "Q?", DAYS, false, false))))
                .isEqualTo("not_found");
        assertThat(history(alice, group)).hasSize(before);
    }

    @Test
    void creatingAPollTwiceWithOneClientIdStoresItOnce() {
        long group = createGroup("Team", bob, carol);
        Request.PollCreate create = new Request.PollCreate(group, UUID.randomUUID(), "Which day?", DAYS, false, false);

        JsonNode first = alice.ok(create);
        JsonNode again = alice.ok(create);

        assertThat(first.get("duplicate").asBoolean()).isFalse();
        assertThat(again.get("duplicate").asBoolean()).isTrue();
        assertThat(again.get("message")).isEqualTo(first.get("message"));
        assertThat(history(alice, group).findValuesAsText("kind")).containsOnlyOnce("poll");
    }

    @Test
    void pollsCountTowardsAStrangersMessageRequestLimit() {
        long direct = carol.ok(new Request.ConversationOpen("bob")).get("id").asLong();
        for (int i = 0; i < DeliveryRules.REQUEST_MESSAGE_LIMIT; i++) {
            carol.ok(new Request.PollCreate(direct, UUID.randomUUID(), "Poll " + i, DAYS, false, false));
        }

        JsonNode refused = carol.error(new Request.PollCreate(direct, UUID.randomUUID(), "One more", DAYS, false,
                false));
        JsonNode text = carol.error(new Request.MessageSend(direct, UUID.randomUUID(), "and a message"));

        assertThat(code(refused)).isEqualTo(code(text)).isNotEqualTo("ok");
        assertThat(history(bob, direct)).hasSize(DeliveryRules.REQUEST_MESSAGE_LIMIT);
    }

    @Test
    void votesNeitherCountAsUnreadNorBecomeThePreview() {
        long group = createGroup("Team", bob, carol);
        long seq = poll(alice, group, false, false).get("seq").asLong();
        send(alice, group, "please vote");
        bob.ok(new Request.MessageRead(group, history(bob, group).get(history(bob, group).size() - 1).get("seq")
                .asLong()));

        vote(carol, group, seq, 1);

        JsonNode summary = summary(bob, group);
        assertThat(summary.get("unread").asInt()).isZero();
        assertThat(summary.at("/lastMessage/text").asText()).isEqualTo("please vote");
    }
}
