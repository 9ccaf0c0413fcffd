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

class SearchTest {
    @TempDir
    Path dataDir;
    ParleyServer server;
    final List<WireClient> clients = new ArrayList<>();
    WireClient sam;

    @BeforeEach
    void people() {
        server = TestServers.start(dataDir);
        sam = register("sam", "Sam Rivera");
        register("maya", "Maya Chen");
        register("maya_photo", "Maya Lopez");
        register("mayor.ben", "Ben Mayfield");
        register("joan", "Jo Amaya");
        register("priya", "Priya N.");
    }

    @AfterEach
    void stop() {
        clients.forEach(WireClient::close);
        server.stop();
    }

    WireClient register(String handle, String name) {
        WireClient client = WireClient.connect(server.uri());
        client.ok(new Request.Register(handle, name, "password-" + handle, null));
        clients.add(client);
        return client;
    }

    static List<String> handles(JsonNode page) {
        return StreamSupport.stream(page.get("users").spliterator(), false).map(u -> u.get("handle").asText())
                .toList();
    }

    @Test
    void exactHandleThenHandlePrefixThenNameWordsThenNameAnywhere() {
        JsonNode page = sam.ok(new Request.UserSearch("maya", null, null));

        assertThat(handles(page)).containsExactly("maya", "maya_photo", "joan");
        assertThat(handles(sam.ok(new Request.UserSearch("@MAY", null, null))))
                .containsExactly("maya", "maya_photo", "mayor.ben", "joan");
        assertThat(handles(sam.ok(new Request.UserSearch("ben", null, null)))).containsExactly("mayor.ben");
        assertThat(page.get("more").asBoolean()).isFalse();
    }

    @Test
    void resultsComeInPages() {
        JsonNode first = sam.ok(new Request.UserSearch("may", 0, 2));
        JsonNode second = sam.ok(new Request.UserSearch("may", 1, 2));

        assertThat(handles(first)).containsExactly("maya", "maya_photo");
        assertThat(first.get("more").asBoolean()).isTrue();
        assertThat(handles(second)).containsExactly("mayor.ben", "joan");
        assertThat(second.get("more").asBoolean()).isFalse();
    }

    @Test
    void wildcardsInTheQueryAreLiteral() {
        assertThat(handles(sam.ok(new Request.UserSearch("maya_", null, null)))).containsExactly("maya_photo");
        assertThat(handles(sam.ok(new Request.UserSearch("%", null, null)))).isEmpty();
    }

    @Test
    void peopleBlockedEitherWayAndOneselfNeverAppear() {
        WireClient maya = clients.get(1);
        maya.ok(new Request.UserBlock("sam"));
        sam.ok(new Request.UserBlock("maya_photo"));

        assertThat(handles(sam.ok(new Request.UserSearch("ma", null, null)))).doesNotContain("maya", "maya_photo");
        assertThat(handles(sam.ok(new Request.UserSearch("sam", null, null)))).isEmpty();
        assertThat(handles(maya.ok(new Request.UserSearch("sam", null, null)))).isEmpty();
    }

    @Test
    void badQueriesAreTyped() {
        for (String body : List.of("{}", "{\"query\":\"  \"}", "{\"query\":\"a\",\"limit\":51}",
                "{\"query\":\"a\",\"page\":-1}", "{\"query\":\"" + "x".repeat(65) + "\"}")) {
            assertThat(sam.rawRequest("user.search", body).get("code").asText()).as(body).isEqualTo("bad_request");
        }
    }
}
