package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.BroadcastContent;
import dev.parley.protocol.Request;
import dev.parley.server.store.BroadcastStore;
import dev.parley.server.testing.MutableClock;
import dev.parley.server.testing.ServerTest;
import dev.parley.server.testing.TestServers;
import dev.parley.server.testing.WireClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A broadcast half sent when the server stops goes on after the restart, and nobody gets it twice. */
class BroadcastRestartTest extends ServerTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));

    void start() {
        startServer(TestServers.config(dataDir).clock(clock).broadcastPace(new BroadcastStore.Pace(50, 1)).build());
    }

    static List<String> texts(WireClient who) {
        long id = who.ok(new Request.ConversationOpen("alice")).get("id").asLong();
        List<String> texts = new ArrayList<>();
        who.ok(new Request.MessageHistory(id, null, 100)).get("messages").forEach(m -> texts.add(m.get("text").asText()));
        return texts;
    }

    @Test
    void queuedRecipientsAreSentAfterARestartAndNobodyTwice() throws Exception {
        start();
        WireClient alice = user("alice");
        WireClient bob = user("bob");
        WireClient carol = user("carol");
        WireClient.befriend(alice, bob);
        WireClient.befriend(alice, carol);
        long friends = alice.ok(new Request.SegmentSave(null, "Friends", List.of(), true, null)).at("/segment/id")
                .asLong();
        Request.BroadcastSend request = new Request.BroadcastSend(UUID.randomUUID(), friends,
                new BroadcastContent("Open studio on Saturday, {first_name}!"));
        long id = alice.ok(request).at("/broadcast/id").asLong();
        bob.awaitEvent(e -> e.get("type").asText().equals("evt.message")
                && e.at("/body/message/sender").asText().equals("alice"));
        String[] tokens = {alice.token(), bob.token(), carol.token()};
        server.stop();

        start();
        WireClient aliceAgain = track(reconnect(tokens[0]));
        JsonNode resent = aliceAgain.ok(request);
        clock.advance(Duration.ofMinutes(1));
        aliceAgain.awaitEvent(e -> e.get("type").asText().equals("evt.broadcast")
                && e.at("/body/broadcast/sent").asInt() == 2);

        assertThat(resent.get("duplicate").asBoolean()).isTrue();
        assertThat(resent.at("/broadcast/id").asLong()).isEqualTo(id);
        assertThat(texts(track(reconnect(tokens[1])))).containsExactly("Open studio on Saturday, Bob!");
        assertThat(texts(track(reconnect(tokens[2])))).containsExactly("Open studio on Saturday, Carol!");
    }

    WireClient reconnect(String token) {
        WireClient client = WireClient.connect(server.uri());
        client.ok(new Request.Hello(1, token));
        return client;
    }
}
