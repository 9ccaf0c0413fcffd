package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.Request;
import dev.parley.server.testing.TwoFriendsTest;
import dev.parley.server.testing.WireClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Quick replies and contact fields: kept on the server per person, the same on each of their devices. */
class QuickRepliesTest extends TwoFriendsTest {

    long save(WireClient who, String name, String text) {
        return who.ok(new Request.QuickReplySave(null, name, text)).at("/template/id").asLong();
    }

    List<String> names(JsonNode templates) {
        List<String> names = new ArrayList<>();
        templates.forEach(t -> names.add(t.get("name").asText()));
        return names;
    }

    @Test
    void quickRepliesReachEveryDeviceOfTheirOwnerInTheirOrder() throws Exception {
        WireClient laptop = track(alice.resume(server.uri()));
        long prices = save(alice, "prices", "Hi {first_name}! My rates are on my profile.");
        long thanks = save(alice, "thanks", "Thank you, {first_name}!");

        JsonNode pushed = laptop.awaitEvent(e -> e.get("type").asText().equals("evt.templates")
                && e.at("/body/templates").size() == 2).at("/body/templates");
        alice.ok(new Request.QuickReplyOrder(List.of(thanks, prices)));
        alice.ok(new Request.QuickReplySave(prices, "rates", "Hi {first_name}, rates: see my profile."));

        assertThat(names(pushed)).containsExactly("prices", "thanks");
        assertThat(names(laptop.ok(new Request.QuickReplyList()).get("templates"))).containsExactly("thanks", "rates");
        alice.ok(new Request.QuickReplyDelete(thanks));
        assertThat(laptop.awaitEvent(e -> e.get("type").asText().equals("evt.templates")
                && e.at("/body/templates").size() == 1).at("/body/templates/0/text").asText())
                .isEqualTo("Hi {first_name}, rates: see my profile.");
        assertThat(bob.ok(new Request.QuickReplyList()).get("templates")).as("private to alice").isEmpty();
    }

    @Test
    void badQuickRepliesAreRefusedAndChangeNothing() {
        long prices = save(alice, "prices", "My rates");
        long bobs = save(bob, "hello", "Hello!");

        assertThat(alice.error(new Request.QuickReplySave(null, "prices", "again")).get("code").asText())
                .isEqualTo("conflict");
        assertThat(alice.rawRequest("template.save", "{\"name\":\"no spaces\",\"text\":\"x\"}").get("code").asText())
                .isEqualTo("bad_request");
        assertThat(alice.rawRequest("template.save", "{\"name\":\"long\",\"text\":\"" + "x".repeat(4_097) + "\"}")
                .get("code").asText()).isEqualTo("too_large");
        assertThat(alice.error(new Request.QuickReplySave(bobs, "mine", "stolen")).get("code").asText())
                .isEqualTo("not_found");
        assertThat(alice.error(new Request.QuickReplyDelete(bobs)).get("code").asText()).isEqualTo("not_found");
        assertThat(alice.error(new Request.QuickReplyOrder(List.of(prices, bobs))).get("code").asText())
                .isEqualTo("bad_request");

        assertThat(names(alice.ok(new Request.QuickReplyList()).get("templates"))).containsExactly("prices");
        assertThat(bob.ok(new Request.QuickReplyList()).at("/templates/0/text").asText()).isEqualTo("Hello!");
    }

    @Test
    void contactFieldsArePrivateSyncedAndCheckedForNames() throws Exception {
        WireClient laptop = track(alice.resume(server.uri()));
        alice.ok(new Request.ContactSet("bob", Map.of("city", "Porto", "Product", "Prints")));

        JsonNode pushed = laptop.awaitEvent(e -> e.get("type").asText().equals("evt.contact")).get("body");

        assertThat(pushed.get("handle").asText()).isEqualTo("bob");
        assertThat(alice.ok(new Request.ContactGet("bob")).get("fields"))
                .isEqualTo(pushed.get("fields"));
        assertThat(pushed.at("/fields/product").asText()).as("names are lower-cased").isEqualTo("Prints");
        assertThat(bob.ok(new Request.ContactGet("alice")).get("fields")).isEmpty();
        assertThat(alice.rawRequest("contact.set", "{\"handle\":\"bob\",\"fields\":{\"first_name\":\"B\"}}")
                .get("code").asText()).as("a built-in variable").isEqualTo("bad_request");
        assertThat(alice.rawRequest("contact.set", "{\"handle\":\"bob\",\"fields\":{\"1st\":\"B\"}}")
                .get("code").asText()).isEqualTo("bad_request");
        assertThat(alice.error(new Request.ContactSet("nobody", Map.of())).get("code").asText()).isEqualTo("not_found");

        bob.ok(new Request.UserBlock("alice"));
        assertThat(alice.error(new Request.ContactGet("bob")).get("code").asText()).isEqualTo("not_found");
    }
}
