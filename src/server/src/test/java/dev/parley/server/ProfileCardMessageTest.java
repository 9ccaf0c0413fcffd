package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.Request;
import dev.parley.server.testing.TwoFriendsTest;
import dev.parley.server.testing.WireClient;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Sharing someone's profile into a chat as a card. */
class ProfileCardMessageTest extends TwoFriendsTest {

    @Test
    void aSharedProfileArrivesAsACardWithNameHandleTagsAndPicture() throws Exception {
        WireClient maya = user("maya");
        maya.ok(new Request.ProfileUpdate("Maya Lopes", "Film and light", List.of("film", "lisbon")));

        JsonNode sent = alice.ok(new Request.MessageSend(conversation, UUID.randomUUID(), "you two should talk", null,
                null, "maya")).get("message");
        JsonNode pushed = bob.awaitEvent(e -> e.at("/body/message/card/handle").asText().equals("maya"));

        assertThat(sent.at("/card/displayName").asText()).isEqualTo("Maya Lopes");
        assertThat(sent.at("/card/tags/1").asText()).isEqualTo("lisbon");
        assertThat(sent.get("text").asText()).isEqualTo("you two should talk");
        assertThat(pushed.at("/body/message")).isEqualTo(sent);
        JsonNode stored = bob.ok(new Request.MessageHistory(conversation, null, null)).get("messages").get(0);
        assertThat(stored.at("/card/handle").asText()).isEqualTo("maya");
    }

    @Test
    void nobodyCanBeSharedWhoDoesNotExistOrStandsBehindABlock() {
        WireClient maya = user("maya");
        maya.ok(new Request.UserBlock("alice"));

        assertThat(alice.error(new Request.MessageSend(conversation, UUID.randomUUID(), "", null, null, "nobody"))
                .get("code").asText()).isEqualTo("not_found");
        assertThat(alice.error(new Request.MessageSend(conversation, UUID.randomUUID(), "", null, null, "maya"))
                .get("code").asText()).as("maya blocked alice").isEqualTo("not_found");
        assertThat(bob.ok(new Request.MessageHistory(conversation, null, null)).get("messages")).isEmpty();
    }
}
