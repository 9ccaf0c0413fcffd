package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.DmPolicy;
import dev.parley.protocol.Request;
import dev.parley.server.testing.ServerTest;
import dev.parley.server.testing.WireClient;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server enforces who may message whom: requests, privacy policies and blocks, over the wire. */
class PrivacyTest extends ServerTest {
    WireClient alice;
    WireClient bob;
    long conversation;

    @BeforeEach
    void start() {
        startServer();
        alice = user("alice");
        bob = user("bob");
        conversation = alice.ok(new Request.ConversationOpen("bob")).get("id").asLong();
    }

    JsonNode send(WireClient from, String text) {
        return from.request(new Request.MessageSend(conversation, UUID.randomUUID(), text)).join();
    }

    int stored() {
        return bob.ok(new Request.MessageHistory(conversation, null, null)).get("messages").size();
    }

    static String code(JsonNode reply) {
        return reply.path("code").asText("ok");
    }

    JsonNode bobsView() {
        return bob.ok(new Request.ConversationList()).get("conversations").get(0);
    }

    @Test
    void aStrangersMessagesArriveAsARequestAndStopAtThreeUntilAccepted() {
        List<String> codes = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            codes.add(code(send(alice, "hello " + i)));
        }
        JsonNode asRequest = bobsView();
        bob.ok(new Request.RequestAccept(conversation));
        String afterAccept = code(send(alice, "thanks for accepting"));

        assertThat(codes).containsExactly("ok", "ok", "ok", "privacy_denied");
        assertThat(asRequest.get("request").asBoolean()).isTrue();
        assertThat(afterAccept).isEqualTo("ok");
        assertThat(bobsView().get("request").asBoolean()).isFalse();
        assertThat(stored()).isEqualTo(4);
    }

    @Test
    void replyingAcceptsTheRequest() {
        send(alice, "hi, love your work");
        send(bob, "thank you!");

        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            codes.add(code(send(alice, "more " + i)));
        }

        assertThat(codes).containsOnly("ok");
        assertThat(bobsView().get("request").asBoolean()).isFalse();
    }

    @Test
    void aDeclinedRequestLeavesTheListAndTakesNoMore() {
        send(alice, "buy my course");
        bob.ok(new Request.RequestDecline(conversation));

        JsonNode refused = send(alice, "limited offer");

        assertThat(code(refused)).isEqualTo("privacy_denied");
        assertThat(bob.ok(new Request.ConversationList()).get("conversations")).isEmpty();
        assertThat(code(bob.request(new Request.RequestDecline(conversation)).join())).isEqualTo("not_found");
    }

    @Test
    void friendsOnlyRefusesStrangersUntilTheyFollowEachOther() throws Exception {
        WireClient bobsLaptop = track(bob.resume(server.uri()));
        bob.ok(new Request.PrivacySet(DmPolicy.FRIENDS));
        JsonNode pushed = bobsLaptop.awaitEvent(e -> e.get("type").asText().equals("evt.privacy"));

        String stranger = code(send(alice, "hi"));
        WireClient.befriend(alice, bob);
        String friend = code(send(alice, "hi again, friend"));

        assertThat(pushed.get("body").get("dmPolicy").asText()).isEqualTo("friends");
        assertThat(stranger).isEqualTo("privacy_denied");
        assertThat(friend).isEqualTo("ok");
        assertThat(stored()).isEqualTo(1);
        assertThat(bob.ok(new Request.PrivacyGet()).get("dmPolicy").asText()).isEqualTo("friends");
    }

    @Test
    void noOneMeansNoDirectMessagesEitherWay() {
        WireClient.befriend(alice, bob);
        bob.ok(new Request.PrivacySet(DmPolicy.NO_ONE));

        assertThat(code(send(alice, "even friends?"))).isEqualTo("privacy_denied");
        assertThat(code(send(bob, "can I still write?"))).isEqualTo("forbidden");
        assertThat(stored()).isZero();
    }

    @Test
    void aBlockedPersonHearsOnlyPrivacyDeniedAndCannotFindTheBlocker() {
        send(alice, "hi");
        bob.ok(new Request.UserBlock("alice"));

        assertThat(code(send(alice, "why no answer?"))).isEqualTo("privacy_denied");
        assertThat(code(alice.request(new Request.UserGet("bob")).join())).isEqualTo("not_found");
        assertThat(code(alice.request(new Request.ConversationOpen("bob")).join())).isEqualTo("not_found");
        assertThat(code(alice.request(new Request.UserFollow("bob")).join())).isEqualTo("not_found");
        assertThat(code(send(bob, "oops"))).isEqualTo("blocked");
        assertThat(bob.ok(new Request.BlockList()).get("users")).extracting(u -> u.get("handle").asText())
                .containsExactly("alice");
        assertThat(stored()).isEqualTo(1);

        bob.ok(new Request.UserUnblock("alice"));
        assertThat(code(send(bob, "sorry, misclick"))).isEqualTo("ok");
    }

    @Test
    void friendsAreMutualFollowsAndBlockingEndsThem() {
        JsonNode oneWay = alice.ok(new Request.UserFollow("bob"));
        JsonNode mutual = bob.ok(new Request.UserFollow("alice"));
        bob.ok(new Request.UserBlock("alice"));
        bob.ok(new Request.UserUnblock("alice"));
        JsonNode afterBlock = bob.ok(new Request.UserFollow("alice"));

        assertThat(oneWay.get("friends").asBoolean()).isFalse();
        assertThat(oneWay.get("following").asBoolean()).isTrue();
        assertThat(mutual.get("friends").asBoolean()).isTrue();
        assertThat(afterBlock.get("followedBy").asBoolean()).as("the block removed alice's follow").isFalse();
        assertThat(code(alice.request(new Request.UserFollow("alice")).join())).isEqualTo("bad_request");
    }

    @Test
    void badSocialInputIsTyped() {
        assertThat(code(alice.rawRequest("privacy.set", "{\"dmPolicy\":\"strangers\"}"))).isEqualTo("bad_request");
        assertThat(code(alice.rawRequest("user.block", "{\"handle\":\"nobody\"}"))).isEqualTo("not_found");
        assertThat(code(alice.rawRequest("request.accept", "{\"conversationId\":999}"))).isEqualTo("not_found");
        assertThat(code(alice.rawRequest("request.accept", "{\"conversationId\":" + conversation + "}")))
                .as("alice has no request to accept in her own conversation").isEqualTo("not_found");
    }
}
