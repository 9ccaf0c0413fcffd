package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.GroupRole;
import dev.parley.protocol.Request;
import dev.parley.server.testing.GroupTest;
import dev.parley.server.testing.WireClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Group chats over the wire: creating, adding, removing, leaving, roles, fan-out and catching up. */
class GroupMembershipTest extends GroupTest {

    @Test
    void theCreatorOwnsTheGroupAndEveryMemberGetsTheCreatedLine() throws Exception {
        long direct = alice.ok(new Request.ConversationOpen("bob")).get("id").asLong();

        JsonNode reply = alice.ok(new Request.GroupCreate(UUID.randomUUID(), "  Trip to Lisbon ", "Be kind",
                List.of("bob", "Carol")));

        JsonNode conversation = reply.get("conversation");
        assertThat(conversation.has("peer")).isFalse();
        assertThat(conversation.at("/group/title").asText()).isEqualTo("Trip to Lisbon");
        assertThat(conversation.at("/group/description").asText()).isEqualTo("Be kind");
        assertThat(conversation.at("/group/members").asInt()).isEqualTo(3);
        assertThat(conversation.at("/group/role").asText()).isEqualTo("owner");
        assertThat(conversation.get("lastSeq").asLong()).isEqualTo(1);
        assertThat(reply.get("added")).extracting(JsonNode::asText).containsExactly("bob", "carol");
        long group = conversation.get("id").asLong();
        for (WireClient member : List.of(bob, carol)) {
            JsonNode line = member.awaitMessages(1).get(0);
            assertThat(line.get("kind").asText()).isEqualTo("system");
            assertThat(line.get("sender").asText()).isEqualTo("alice");
            assertThat(line.get("text").asText()).isEmpty();
            assertThat(action(line)).isEqualTo("created");
            assertThat(line.at("/change/title").asText()).isEqualTo("Trip to Lisbon");
            assertThat(line.at("/change/members")).extracting(JsonNode::asText).containsExactly("bob", "carol");
            assertThat(summary(member, group).at("/group/role").asText()).isEqualTo("member");
        }
        assertThat(members(alice, group)).containsExactly("alice:owner", "bob:member", "carol:member");
        // A direct conversation is exactly what it was on the wire: a peer and no group.
        JsonNode directSummary = summary(alice, direct);
        assertThat(directSummary.at("/peer/handle").asText()).isEqualTo("bob");
        assertThat(directSummary.has("group")).isFalse();
    }

    @Test
    void theFriendListNamesMutualFollowsOnly() {
        WireClient erin = user("erin");
        erin.ok(new Request.UserFollow("alice"));

        JsonNode friends = alice.ok(new Request.FriendList()).get("users");

        assertThat(friends).extracting(f -> f.get("handle").asText()).containsExactly("bob", "carol", "dana");
        assertThat(erin.ok(new Request.FriendList()).get("users")).isEmpty();
    }

    @Test
    void aGroupMessageReachesEverySessionOfEveryMember() throws Exception {
        long group = createGroup("Team", bob, carol);
        WireClient bobsPhone = track(bob.resume(server.uri()));
        WireClient alicesLaptop = track(alice.resume(server.uri()));

        JsonNode sent = send(alice, group, "Hello team");

        for (WireClient session : List.of(bob, bobsPhone, carol, alicesLaptop)) {
            assertThat(session.awaitMessages(1).get(0)).isEqualTo(sent);
        }
        assertThat(pushesSoFar(dana)).isEmpty();
        assertThat(summary(bob, group).get("unread").asInt()).isEqualTo(1);
    }

    @Test
    void anAddedMemberSeesTheGroupFromTheLineThatAddedThem() throws Exception {
        long group = createGroup("Team", bob);
        send(bob, group, "before dana");

        JsonNode reply = alice.ok(new Request.GroupAdd(group, List.of("dana")));

        assertThat(reply.get("added")).extracting(JsonNode::asText).containsExactly("dana");
        JsonNode line = dana.awaitMessages(1).get(0);
        assertThat(action(line)).isEqualTo("added");
        assertThat(line.get("seq").asLong()).isEqualTo(3);
        assertThat(bob.awaitEvent(e -> e.at("/body/message/seq").asLong() == 3).at("/body/message")).isEqualTo(line);
        JsonNode danasView = summary(dana, group);
        assertThat(danasView.at("/group/firstSeq").asLong()).isEqualTo(3);
        assertThat(danasView.get("unread").asInt()).isZero();
        assertThat(history(dana, group)).extracting(m -> m.get("seq").asLong()).containsExactly(3L);
        assertThat(dana.ok(new Request.Sync(Map.of())).get("messages"))
                .extracting(m -> m.get("seq").asLong()).containsExactly(3L);
        send(bob, group, "welcome");
        assertThat(dana.awaitMessages(1).get(0).get("text").asText()).isEqualTo("welcome");
    }

    @Test
    void aRemovedMemberReceivesNothingAfterTheRemovalAndIsRefused() throws Exception {
        long group = createGroup("Team", bob, carol);
        send(bob, group, "seen by carol");
        carol.awaitMessages(1);

        JsonNode reply = alice.ok(new Request.GroupRemove(group, "carol"));

        JsonNode removal = reply.get("lines").get(0);
        assertThat(action(removal)).isEqualTo("removed");
        assertThat(carol.awaitMessages(1).get(0)).isEqualTo(removal);
        send(bob, group, "after carol left");
        alice.ok(new Request.GroupAdd(group, List.of("dana")));
        assertThat(pushesSoFar(carol)).isEmpty();

        JsonNode refused = carol.error(new Request.MessageSend(group, UUID.randomUUID(), "let me back"));
        assertThat(code(refused)).isEqualTo("forbidden");
        assertThat(history(carol, group)).extracting(m -> m.get("seq").asLong()).containsExactly(1L, 2L, 3L);
        assertThat(history(carol, group).get(2)).isEqualTo(removal);
        assertThat(carol.ok(new Request.MessageHistory(group, 10L, 5)).get("messages"))
                .extracting(m -> m.get("seq").asLong()).containsExactly(1L, 2L, 3L);
        assertThat(carol.ok(new Request.Sync(Map.of(group, 0L))).get("messages")).hasSize(3);
        assertThat(carol.ok(new Request.Sync(Map.of(group, 3L))).get("messages")).isEmpty();
        JsonNode carolsView = summary(carol, group);
        assertThat(carolsView.at("/group/left").asBoolean()).isTrue();
        assertThat(carolsView.at("/group/role").isMissingNode()).isTrue();
        assertThat(carolsView.get("lastSeq").asLong()).isEqualTo(3);
        assertThat(code(carol.error(new Request.GroupMembers(group)))).isEqualTo("forbidden");
        assertThat(code(carol.error(new Request.GroupLeave(group)))).isEqualTo("forbidden");
        assertThat(members(alice, group)).containsExactly("alice:owner", "bob:member", "dana:member");
    }

    @Test
    void aMemberWhoLeavesStopsReceivingAndTheOthersSeeTheLine() throws Exception {
        long group = createGroup("Team", bob, carol);

        JsonNode left = bob.ok(new Request.GroupLeave(group)).get("lines").get(0);

        assertThat(action(left)).isEqualTo("left");
        assertThat(left.get("sender").asText()).isEqualTo("bob");
        assertThat(carol.awaitMessages(1).get(0)).isEqualTo(left);
        send(carol, group, "bye bob");
        assertThat(pushesSoFar(bob)).extracting(e -> e.at("/body/message/seq").asLong()).containsOnly(2L);
        assertThat(members(carol, group)).containsExactly("alice:owner", "carol:member");
    }

    @Test
    void anOwnerWhoLeavesHandsOwnershipToTheLongestStandingAdmin() throws Exception {
        long group = createGroup("Team", bob, carol);
        alice.ok(new Request.GroupAdd(group, List.of("dana")));
        alice.ok(new Request.GroupRoleSet(group, "dana", GroupRole.ADMIN));
        alice.ok(new Request.GroupRoleSet(group, "carol", GroupRole.ADMIN));
        quiet(alice);

        JsonNode lines = alice.ok(new Request.GroupLeave(group)).get("lines");

        assertThat(lines).extracting(GroupTest::action).containsExactly("left", "owner");
        assertThat(lines.get(1).at("/change/members/0").asText()).isEqualTo("carol");
        assertThat(members(bob, group)).containsExactly("carol:owner", "dana:admin", "bob:member");
        assertThat(pushesSoFar(alice)).extracting(e -> action(e.at("/body/message"))).containsExactly("left");
        assertThat(summary(carol, group).at("/group/role").asText()).isEqualTo("owner");
    }

    @Test
    void anOwnerWithoutAdminsHandsOwnershipToTheLongestStandingMember() {
        long group = createGroup("Team", carol);
        alice.ok(new Request.GroupAdd(group, List.of("bob")));

        alice.ok(new Request.GroupLeave(group));

        assertThat(members(bob, group)).containsExactly("carol:owner", "bob:member");
        assertThat(summary(carol, group).at("/group/role").asText()).isEqualTo("owner");
    }

    @Test
    void systemLinesTakeGapFreeSeqsInTheOrderThingsHappened() {
        long group = createGroup("Team", bob, carol);
        alice.ok(new Request.GroupAdd(group, List.of("dana")));
        alice.ok(new Request.GroupRoleSet(group, "bob", GroupRole.ADMIN));
        send(carol, group, "congrats bob");
        bob.ok(new Request.GroupUpdate(group, "Team Lisbon", "No spam"));
        bob.ok(new Request.GroupRemove(group, "dana"));
        alice.ok(new Request.GroupRoleSet(group, "bob", GroupRole.MEMBER));
        carol.ok(new Request.GroupLeave(group));

        JsonNode history = history(alice, group);

        List<String> seen = new ArrayList<>();
        for (JsonNode message : history) {
            seen.add(message.get("seq").asLong() + " " + message.get("sender").asText() + " "
                    + (message.get("kind").asText().equals("system") ? action(message) : message.get("text").asText()));
        }
        assertThat(seen).containsExactly("1 alice created", "2 alice added", "3 alice promoted", "4 carol congrats bob",
                "5 bob renamed", "6 bob described", "7 bob removed", "8 alice demoted", "9 carol left");
        assertThat(history.get(4).at("/change/title").asText()).isEqualTo("Team Lisbon");
        assertThat(history.get(5).at("/change/description").asText()).isEqualTo("No spam");
        JsonNode alicesView = summary(alice, group);
        assertThat(alicesView.at("/group/title").asText()).isEqualTo("Team Lisbon");
        assertThat(alicesView.at("/group/members").asInt()).isEqualTo(2);
        assertThat(alicesView.at("/lastMessage/text").asText()).isEqualTo("congrats bob");
    }

    @Test
    void anOfflineMemberCatchesUpFromTheirCursor() {
        long group = createGroup("Team", bob);
        send(alice, group, "one");
        String token = bob.token();
        bob.close();

        send(alice, group, "two");
        alice.ok(new Request.GroupAdd(group, List.of("carol")));
        send(carol, group, "three");

        WireClient bobAgain = track(WireClient.connect(server.uri()));
        bobAgain.ok(new Request.Hello(1, token));
        JsonNode page = bobAgain.ok(new Request.Sync(Map.of(group, 2L)));
        assertThat(page.get("messages")).extracting(m -> m.get("seq").asLong()).containsExactly(3L, 4L, 5L);
        assertThat(page.get("messages").get(1).get("kind").asText()).isEqualTo("system");
        assertThat(page.get("more").asBoolean()).isFalse();
        assertThat(summary(bobAgain, group).get("unread").asInt()).isEqualTo(3);
    }

    @Test
    void aResendWithTheSameClientIdInAGroupIsStoredOnce() {
        long group = createGroup("Team", bob, carol);
        UUID clientId = UUID.randomUUID();

        JsonNode first = alice.ok(new Request.MessageSend(group, clientId, "only once"));
        JsonNode again = alice.ok(new Request.MessageSend(group, clientId, "only once"));

        assertThat(again.get("duplicate").asBoolean()).isTrue();
        assertThat(again.get("message")).isEqualTo(first.get("message"));
        assertThat(pushesSoFar(bob)).hasSize(1);
        assertThat(history(carol, group)).hasSize(2);
    }

    @Test
    void aResentCreateAnswersTheFirstGroupAndCreatesNoOther() {
        UUID clientId = UUID.randomUUID();
        Request.GroupCreate create = new Request.GroupCreate(clientId, "Once", null, List.of("bob"));

        long first = alice.ok(create).at("/conversation/id").asLong();
        JsonNode again = alice.ok(create);

        assertThat(again.at("/conversation/id").asLong()).isEqualTo(first);
        assertThat(again.get("added")).isEmpty();
        assertThat(alice.ok(new Request.ConversationList()).get("conversations")).hasSize(1);
        assertThat(history(bob, first)).hasSize(1);
    }
}
