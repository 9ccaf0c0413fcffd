package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.Request;
import dev.parley.server.testing.TestServers;
import dev.parley.server.testing.WireClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileTest {
    @TempDir
    Path dataDir;
    ParleyServer server;
    final List<WireClient> clients = new ArrayList<>();

    @BeforeEach
    void start() {
        server = TestServers.start(dataDir);
    }

    @AfterEach
    void stop() {
        clients.forEach(WireClient::close);
        server.stop();
    }

    WireClient user(String handle) {
        WireClient client = WireClient.registered(server.uri(), handle);
        clients.add(client);
        return client;
    }

    static List<String> texts(JsonNode array) {
        return array == null ? List.of() : StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText)
                .toList();
    }

    static List<String> handles(JsonNode page) {
        return StreamSupport.stream(page.get("users").spliterator(), false).map(u -> u.get("handle").asText())
                .toList();
    }

    @Test
    void bioAndTagsAreSavedNormalisedAndShownToOthers() {
        WireClient maya = user("maya");
        WireClient sam = user("sam");

        JsonNode own = maya.ok(new Request.ProfileUpdate("Maya Chen", "  Film and light  ",
                List.of("#Photography", "film", "FILM")));
        JsonNode seen = sam.ok(new Request.UserGet("maya"));

        assertThat(own.get("displayName").asText()).isEqualTo("Maya Chen");
        assertThat(own.get("bio").asText()).isEqualTo("Film and light");
        assertThat(texts(own.get("tags"))).containsExactly("film", "photography");
        assertThat(seen).isEqualTo(own);
    }

    @Test
    void absentFieldsStayAndAnEmptyBioOrTagListClears() {
        WireClient maya = user("maya");
        maya.ok(new Request.ProfileUpdate(null, "Film and light", List.of("film")));

        JsonNode unchanged = maya.ok(new Request.ProfileUpdate("Maya", null, null));
        JsonNode cleared = maya.ok(new Request.ProfileUpdate(null, "", List.of()));

        assertThat(unchanged.get("bio").asText()).isEqualTo("Film and light");
        assertThat(texts(unchanged.get("tags"))).containsExactly("film");
        assertThat(cleared.has("bio")).isFalse();
        assertThat(cleared.has("tags")).isFalse();
        assertThat(cleared.get("displayName").asText()).isEqualTo("Maya");
    }

    @Test
    void badEditsAreRefusedWithTypedErrors() {
        WireClient maya = user("maya");

        assertThat(code(maya.rawRequest("profile.update", "{\"tags\":[\"a1\",\"b2\",\"c3\",\"d4\",\"e5\",\"f6\"]}")))
                .isEqualTo("bad_request");
        assertThat(code(maya.rawRequest("profile.update", "{\"tags\":[\"film-noir\"]}"))).isEqualTo("bad_request");
        assertThat(code(maya.rawRequest("profile.update", "{\"tags\":[\"#\"]}"))).isEqualTo("bad_request");
        assertThat(code(maya.rawRequest("profile.update", "{\"bio\":\"" + "x".repeat(161) + "\"}")))
                .isEqualTo("too_large");
        assertThat(code(maya.rawRequest("profile.update", "{\"displayName\":\"" + "x".repeat(65) + "\"}")))
                .isEqualTo("too_large");
        assertThat(code(maya.rawRequest("profile.update", "{}"))).isEqualTo("bad_request");
        assertThat(maya.ok(new Request.UserGet("maya")).has("bio")).isFalse();
    }

    @Test
    void aCardCountsFollowersAndShowsFriends() {
        WireClient alice = user("alice");
        WireClient bob = user("bob");
        WireClient carol = user("carol");
        WireClient.befriend(alice, bob);
        carol.ok(new Request.UserFollow("bob"));

        JsonNode card = alice.ok(new Request.UserCard("bob"));
        JsonNode carolsView = carol.ok(new Request.UserCard("bob"));

        assertThat(card.get("user").get("handle").asText()).isEqualTo("bob");
        assertThat(card.get("followers").asInt()).isEqualTo(2);
        assertThat(card.get("following").asInt()).isEqualTo(1);
        assertThat(card.at("/relationship/friends").asBoolean()).isTrue();
        assertThat(carolsView.at("/relationship/following").asBoolean()).isTrue();
        assertThat(carolsView.at("/relationship/friends").asBoolean()).isFalse();
        assertThat(code(alice.error(new Request.UserCard("nobody")))).isEqualTo("not_found");
    }

    @Test
    void someoneWhoBlockedYouHasNoCardNoPictureAndNoTagResult() {
        WireClient maya = user("maya");
        WireClient sam = user("sam");
        maya.ok(new Request.ProfileUpdate(null, "Film and light", List.of("photography")));
        sam.ok(new Request.ConversationOpen("maya"));
        assertThat(handles(sam.ok(new Request.UserSearch("#photography", null, null)))).containsExactly("maya");

        maya.ok(new Request.UserBlock("sam"));
        JsonNode peerInSamsList = sam.ok(new Request.ConversationList()).get("conversations").get(0).get("peer");

        assertThat(peerInSamsList.get("handle").asText()).isEqualTo("maya");
        assertThat(peerInSamsList.has("bio")).as("the conversation stays, the profile goes").isFalse();
        assertThat(peerInSamsList.has("tags")).isFalse();

        assertThat(code(sam.error(new Request.UserCard("maya")))).isEqualTo("not_found");
        assertThat(code(sam.error(new Request.UserAvatar("maya")))).isEqualTo("not_found");
        assertThat(handles(sam.ok(new Request.UserSearch("#photo", null, null)))).isEmpty();
        assertThat(handles(maya.ok(new Request.UserSearch("#photo", null, null)))).isEmpty();
    }

    @Test
    void tagSearchRanksTheExactTagFirstThenTheMostFollowedInPages() {
        WireClient viewer = user("viewer");
        tagged("ana", "photography");
        tagged("zed", "photography");
        tagged("kim", "photo");
        tagged("lou", "photojournalism", "travel");
        tagged("max", "cooking");
        viewer.ok(new Request.UserFollow("zed"));
        user("fan").ok(new Request.UserFollow("zed"));

        JsonNode first = viewer.ok(new Request.UserSearch("#Photo", 0, 2));
        JsonNode second = viewer.ok(new Request.UserSearch("#photo", 1, 2));

        assertThat(handles(first)).containsExactly("kim", "zed");
        assertThat(first.get("more").asBoolean()).isTrue();
        assertThat(handles(second)).containsExactly("ana", "lou");
        assertThat(second.get("more").asBoolean()).isFalse();
        assertThat(texts(first.get("users").get(1).get("tags"))).containsExactly("photography");
        assertThat(handles(viewer.ok(new Request.UserSearch("#travel", null, null)))).containsExactly("lou");
    }

    @Test
    void profileFieldsTravelWithConversationsAndNameSearch() {
        WireClient maya = user("maya");
        WireClient sam = user("sam");
        maya.ok(new Request.ProfileUpdate(null, "Film and light", List.of("film")));
        sam.ok(new Request.ConversationOpen("maya"));

        JsonNode peer = sam.ok(new Request.ConversationList()).at("/conversations/0/peer");
        JsonNode found = sam.ok(new Request.UserSearch("maya", null, null)).at("/users/0");

        assertThat(peer.get("bio").asText()).isEqualTo("Film and light");
        assertThat(texts(found.get("tags"))).containsExactly("film");
    }

    void tagged(String handle, String... tags) {
        user(handle).ok(new Request.ProfileUpdate(null, null, List.of(tags)));
    }

    static String code(JsonNode reply) {
        return reply.get("code").asText();
    }
}
