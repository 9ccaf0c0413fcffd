package dev.parley.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of wire tests about a group: alice (who creates it) is friends with bob, carol and dana on a fresh server;
 * {@link #createGroup} makes a group of alice with the people named.
 */
public abstract class GroupTest extends ServerTest {
    protected WireClient alice;
    protected WireClient bob;
    protected WireClient carol;
    protected WireClient dana;

    @BeforeEach
    void startWithFriends() {
        startServer();
        alice = user("alice");
        bob = user("bob");
        carol = user("carol");
        dana = user("dana");
        for (WireClient friend : List.of(bob, carol, dana)) {
            WireClient.befriend(alice, friend);
        }
        quiet(alice, bob, carol, dana);
    }

    /** Creates a group of alice's with {@code members} and returns its conversation id. */
    protected long createGroup(String title, WireClient... members) {
        List<String> handles = new ArrayList<>();
        for (WireClient member : members) {
            handles.add(member.handle());
        }
        JsonNode reply = alice.ok(new Request.GroupCreate(UUID.randomUUID(), title, null, handles));
        assertThat(reply.get("refused")).isEmpty();
        long id = reply.at("/conversation/id").asLong();
        quiet(alice);
        quiet(members);
        return id;
    }

    protected static JsonNode send(WireClient from, long group, String text) {
        return from.ok(new Request.MessageSend(group, UUID.randomUUID(), text)).get("message");
    }

    /** The messages of the group this member can read, oldest first. */
    protected static JsonNode history(WireClient who, long group) {
        return who.ok(new Request.MessageHistory(group, null, null)).get("messages");
    }

    /** The member's summary of the group from {@code conv.list}. */
    protected static JsonNode summary(WireClient who, long group) {
        for (JsonNode conversation : who.ok(new Request.ConversationList()).get("conversations")) {
            if (conversation.get("id").asLong() == group) {
                return conversation;
            }
        }
        throw new AssertionError("@" + who.handle() + " has no conversation " + group);
    }

    /** Handle → role of the group's current members, as {@code group.members} lists them. */
    protected static List<String> members(WireClient who, long group) {
        List<String> members = new ArrayList<>();
        for (JsonNode member : who.ok(new Request.GroupMembers(group)).get("members")) {
            members.add(member.at("/user/handle").asText() + ":" + member.get("role").asText());
        }
        return members;
    }

    protected static String code(JsonNode reply) {
        return reply.path("code").asText("ok");
    }

    /** The action of a system line. */
    protected static String action(JsonNode message) {
        return message.at("/change/action").asText();
    }

    /**
     * Message pushes that reached the client so far. A reply on a connection comes after every push queued before
     * it, so one round trip first makes "nothing arrived" a fact rather than a guess.
     */
    protected static List<JsonNode> pushesSoFar(WireClient who) {
        who.ok(new Request.PresenceGet());
        return who.drainEvents().stream().filter(e -> e.get("type").asText().equals("evt.message")).toList();
    }

    /** One round trip on each, then drops what arrived: the test starts from a quiet socket. */
    protected static void quiet(WireClient... clients) {
        for (WireClient client : clients) {
            pushesSoFar(client);
        }
    }
}
