package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.DmPolicy;
import dev.parley.protocol.GroupRole;
import dev.parley.protocol.Limits;
import dev.parley.protocol.Request;
import dev.parley.server.testing.GroupTest;
import dev.parley.server.testing.TestImages;
import dev.parley.server.testing.WireClient;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** Who may do what in a group: roles, muting, privacy when adding people, and bad input. */
class GroupPermissionsTest extends GroupTest {
    static final String PICTURE = Base64.getEncoder().encodeToString(TestImages.png(64, 64, 7));

    @Test
    void aPlainMemberIsForbiddenEveryAdminOperationAndNothingChanges() {
        long group = createGroup("Team", bob, carol);
        long alicesMessage = send(alice, group, "owner's words").get("seq").asLong();
        JsonNode before = history(alice, group);

        List<Request> adminOnly = List.of(
                new Request.GroupAdd(group, List.of("dana")),
                new Request.GroupRemove(group, "carol"),
                new Request.GroupRoleSet(group, "carol", GroupRole.ADMIN),
                new Request.GroupUpdate(group, "Mine now", null),
                new Request.GroupAvatar(group, PICTURE),
                new Request.GroupMute(group, "carol", true),
                new Request.MessageUnsend(group, alicesMessage));

        for (Request request : adminOnly) {
            assertThat(code(bob.error(request))).as("%s", request).isEqualTo("forbidden");
        }
        assertThat(history(alice, group)).isEqualTo(before);
        assertThat(members(alice, group)).containsExactly("alice:owner", "bob:member", "carol:member");
        assertThat(summary(bob, group).at("/group/title").asText()).isEqualTo("Team");
    }

    @Test
    void anAdminManagesMembersButNotOtherAdminsOrTheOwner() {
        long group = createGroup("Team", bob, carol, dana);
        alice.ok(new Request.GroupRoleSet(group, "bob", GroupRole.ADMIN));

        bob.ok(new Request.GroupRoleSet(group, "carol", GroupRole.ADMIN));

        assertThat(code(bob.error(new Request.GroupRoleSet(group, "carol", GroupRole.MEMBER)))).isEqualTo("forbidden");
        assertThat(code(bob.error(new Request.GroupRemove(group, "carol")))).isEqualTo("forbidden");
        assertThat(code(bob.error(new Request.GroupRemove(group, "alice")))).isEqualTo("forbidden");
        assertThat(code(bob.error(new Request.GroupMute(group, "alice", true)))).isEqualTo("forbidden");
        bob.ok(new Request.GroupRemove(group, "dana"));
        bob.ok(new Request.GroupUpdate(group, "Renamed by bob", null));
        alice.ok(new Request.GroupRoleSet(group, "carol", GroupRole.MEMBER));
        assertThat(members(alice, group)).containsExactly("alice:owner", "bob:admin", "carol:member");
    }

    @Test
    void aMutedMemberIsForbiddenToSendUntilUnmuted() {
        long group = createGroup("Team", bob);

        JsonNode muted = alice.ok(new Request.GroupMute(group, "bob", true));

        assertThat(muted.get("muted").asBoolean()).isTrue();
        assertThat(summary(bob, group).at("/group/muted").asBoolean()).isTrue();
        assertThat(code(bob.error(new Request.MessageSend(group, UUID.randomUUID(), "hello?")))).isEqualTo("forbidden");
        assertThat(history(alice, group)).hasSize(1);
        alice.ok(new Request.GroupMute(group, "bob", false));
        send(bob, group, "thanks");
        assertThat(history(alice, group)).hasSize(2);
    }

    @Test
    void anAdminDeletesAnyMessageForEveryone() throws Exception {
        long group = createGroup("Team", bob, carol);
        long spam = send(carol, group, "buy my course").get("seq").asLong();
        alice.ok(new Request.GroupRoleSet(group, "bob", GroupRole.ADMIN));
        quiet(carol);

        JsonNode tombstone = bob.ok(new Request.MessageUnsend(group, spam)).get("message");

        assertThat(tombstone.get("kind").asText()).isEqualTo("unsend");
        assertThat(tombstone.get("target").asLong()).isEqualTo(spam);
        assertThat(tombstone.get("sender").asText()).isEqualTo("bob");
        assertThat(carol.awaitMessages(1).get(0)).isEqualTo(tombstone);
        JsonNode erased = history(alice, group).get(1);
        assertThat(erased.get("unsent").asBoolean()).isTrue();
        assertThat(erased.get("text").asText()).isEmpty();
    }

    @Test
    void onlyPeopleWhosePrivacyAllowsItAreAddedAndTheOthersAreListedWithTheReason() {
        WireClient stranger = user("erin");
        WireClient friendsOnly = user("frank");
        friendsOnly.ok(new Request.PrivacySet(DmPolicy.FRIENDS));
        WireClient blocksAlice = user("gina");
        WireClient.befriend(alice, blocksAlice);
        blocksAlice.ok(new Request.UserBlock("alice"));
        WireClient blockedByAlice = user("hank");
        alice.ok(new Request.UserBlock("hank"));
        WireClient acceptedAlice = user("ivy");
        long direct = alice.ok(new Request.ConversationOpen("ivy")).get("id").asLong();
        acceptedAlice.ok(new Request.MessageSend(direct, UUID.randomUUID(), "hi alice"));

        JsonNode reply = alice.ok(new Request.GroupCreate(UUID.randomUUID(), "Mixed", null,
                List.of("bob", "erin", "frank", "gina", "hank", "ivy", "nobody_here")));

        assertThat(reply.get("added")).extracting(JsonNode::asText).containsExactly("bob", "ivy");
        assertThat(reasons(reply)).containsExactly("erin:privacy_denied", "frank:privacy_denied",
                "gina:privacy_denied", "hank:blocked", "nobody_here:not_found");
        assertThat(reply.get("refused")).allSatisfy(r -> assertThat(r.get("message").asText()).isNotBlank());
        long group = reply.at("/conversation/id").asLong();
        assertThat(members(alice, group)).containsExactly("alice:owner", "bob:member", "ivy:member");
        for (WireClient refused : List.of(stranger, friendsOnly, blocksAlice, blockedByAlice)) {
            assertThat(code(refused.error(new Request.MessageHistory(group, null, null)))).isEqualTo("not_found");
        }

        JsonNode again = alice.ok(new Request.GroupAdd(group, List.of("bob", "erin", "dana")));
        assertThat(again.get("added")).extracting(JsonNode::asText).containsExactly("dana");
        assertThat(reasons(again)).containsExactly("bob:conflict", "erin:privacy_denied");
    }

    @Test
    void badInputGetsTypedErrorsAndChangesNothing() {
        long group = createGroup("Team", bob);
        long direct = alice.ok(new Request.ConversationOpen("carol")).get("id").asLong();
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < Limits.MAX_GROUP_MEMBERS; i++) {
            tooMany.add("person" + i);
        }

        assertThat(code(alice.error(new Request.GroupAdd(999L, List.of("carol"))))).isEqualTo("not_found");
        assertThat(code(alice.error(new Request.GroupMembers(999L)))).isEqualTo("not_found");
        assertThat(code(alice.error(new Request.GroupAdd(direct, List.of("dana"))))).isEqualTo("not_found");
        assertThat(code(dana.error(new Request.GroupMembers(group)))).isEqualTo("not_found");
        assertThat(code(dana.error(new Request.MessageSend(group, UUID.randomUUID(), "let me in")))).isEqualTo("not_found");
        assertThat(code(alice.error(new Request.GroupRemove(group, "dana")))).isEqualTo("not_found");
        assertThat(code(alice.error(new Request.GroupRemove(group, "alice")))).isEqualTo("bad_request");
        assertThat(raw("group.create", "{\"clientId\":\"" + UUID.randomUUID() + "\",\"title\":\"   \",\"members\":[]}"))
                .isEqualTo("bad_request");
        assertThat(raw("group.create", "{\"clientId\":\"" + UUID.randomUUID() + "\",\"title\":\"" + "x".repeat(65)
                + "\",\"members\":[]}")).isEqualTo("too_large");
        assertThat(raw("group.update", "{\"conversationId\":" + group + "}")).isEqualTo("bad_request");
        assertThat(raw("group.role", "{\"conversationId\":" + group + ",\"handle\":\"bob\",\"role\":\"owner\"}"))
                .isEqualTo("bad_request");
        assertThat(raw("group.add", "{\"conversationId\":" + group + ",\"members\":"
                + tooMany.stream().map(h -> "\"" + h + "\"").collect(Collectors.joining(",", "[", "]")) + "}"))
                .isEqualTo("bad_request");
        assertThat(raw("group.avatar", "{\"conversationId\":" + group + ",\"image\":\"bm90IGFuIGltYWdl\"}"))
                .isEqualTo("bad_request");

        assertThat(members(alice, group)).containsExactly("alice:owner", "bob:member");
        assertThat(history(alice, group)).hasSize(1);
        assertThat(alice.ok(new Request.ConversationList()).get("conversations")).hasSize(2);
    }

    @Test
    void anAdminSetsThePictureAndMembersCanFetchIt() {
        long group = createGroup("Team", bob);

        JsonNode changed = alice.ok(new Request.GroupAvatar(group, PICTURE));

        String hash = changed.at("/conversation/group/avatar").asText();
        assertThat(hash).hasSize(64);
        assertThat(changed.at("/lines/0/change/action").asText()).isEqualTo("picture");
        JsonNode picture = bob.ok(new Request.GroupAvatarGet(group));
        assertThat(picture.get("avatar").asText()).isEqualTo(hash);
        assertThat(Base64.getDecoder().decode(picture.get("image").asText())).isNotEmpty();
        assertThat(code(dana.error(new Request.GroupAvatarGet(group)))).isEqualTo("not_found");
        alice.ok(new Request.GroupAvatar(group, null));
        assertThat(code(bob.error(new Request.GroupAvatarGet(group)))).isEqualTo("not_found");
    }

    private String raw(String type, String body) {
        return code(alice.rawRequest(type, body));
    }

    private static List<String> reasons(JsonNode reply) {
        Function<JsonNode, String> reason = r -> r.get("handle").asText() + ":" + r.get("code").asText();
        return StreamSupport.stream(reply.get("refused").spliterator(), false).map(reason).toList();
    }
}
