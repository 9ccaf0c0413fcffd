package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.Request;
import dev.parley.server.testing.ChildServer;
import dev.parley.server.testing.EmbeddedRedis;
import dev.parley.server.testing.OnPostgres;
import dev.parley.server.testing.TestServers;
import dev.parley.server.testing.WireClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two full server nodes, as behind a load balancer: one PostgreSQL database and one media directory shared
 * (both come from {@link TestServers#config} for the same directory under {@link OnPostgres}), and one Redis
 * carrying live events between them.
 */
@ExtendWith(OnPostgres.class)
class TwoNodesTest {
    private static EmbeddedRedis redis;

    @TempDir
    Path dataDir;
    ParleyServer nodeA;
    ParleyServer nodeB;
    final List<WireClient> clients = new ArrayList<>();

    @BeforeAll
    static void startRedis() {
        redis = EmbeddedRedis.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @BeforeEach
    void startNodes() {
        nodeA = TestServers.start(TestServers.config(dataDir).redis(redis.uri()).nodeId("node-a").build());
        nodeB = TestServers.start(TestServers.config(dataDir).redis(redis.uri()).nodeId("node-b").build());
    }

    @AfterEach
    void stopNodes() {
        clients.forEach(WireClient::close);
        nodeA.stop();
        nodeB.stop();
    }

    WireClient user(ParleyServer node, String handle) {
        return user(node.uri(), handle);
    }

    WireClient user(java.net.URI node, String handle) {
        WireClient user = WireClient.registered(node, handle);
        clients.stream().filter(c -> c.handle() != null).forEach(other -> WireClient.befriend(user, other));
        return track(user);
    }

    WireClient track(WireClient client) {
        clients.add(client);
        return client;
    }

    static JsonNode send(WireClient client, long conversationId, String text) {
        return client.ok(new Request.MessageSend(conversationId, UUID.randomUUID(), text)).get("message");
    }

    static List<String> texts(List<JsonNode> messages) {
        return messages.stream().map(m -> m.get("text").asText()).toList();
    }

    @Test
    void usersOnDifferentNodesExchangeDirectAndGroupMessages() throws Exception {
        WireClient alice = user(nodeA, "alice");
        WireClient bob = user(nodeB, "bob");
        WireClient carol = user(nodeB, "carol");
        long direct = alice.ok(new Request.ConversationOpen("bob")).get("id").asLong();

        send(alice, direct, "hi bob");
        assertThat(texts(bob.awaitMessages(1))).containsExactly("hi bob");
        send(bob, direct, "hi alice");
        assertThat(texts(alice.awaitMessages(2))).containsExactly("hi bob", "hi alice");

        long group = alice.ok(new Request.GroupCreate(UUID.randomUUID(), "Trio", null, List.of("bob", "carol")))
                .at("/conversation/id").asLong();
        send(carol, group, "hello from node b");
        send(alice, group, "hello from node a");
        for (WireClient member : List.of(alice, bob, carol)) {
            List<JsonNode> inGroup = new ArrayList<>();
            while (inGroup.size() < 2) {
                JsonNode message = member.awaitMessages(1).get(0);
                // The group's own lines (created, members added) come too; the test is about the texts.
                if (message.get("conversationId").asLong() == group && !message.path("text").asText().isEmpty()) {
                    inGroup.add(message);
                }
            }
            assertThat(texts(inGroup)).as(member.handle()).containsExactly("hello from node b", "hello from node a");
        }
        // Each message once: nothing more arrives before a later one.
        send(bob, direct, "last");
        assertThat(texts(alice.awaitMessages(1))).containsExactly("last");
        assertThat(alice.drainEvents()).noneMatch(e -> e.get("type").asText().equals("evt.message"));
    }

    @Test
    void whenANodeStopsItsClientsContinueOnTheOtherWithNothingLostOrDoubled() throws Exception {
        WireClient alice = user(nodeA, "alice");
        WireClient bob = user(nodeB, "bob");
        long direct = alice.ok(new Request.ConversationOpen("bob")).get("id").asLong();
        int total = 200;
        List<UUID> clientIds = IntStream.range(0, total).mapToObj(i -> UUID.randomUUID()).toList();

        // Alice sends everything at once and node a stops while the sends are in flight.
        List<CompletableFuture<JsonNode>> replies = IntStream.range(0, total)
                .mapToObj(i -> alice.request(new Request.MessageSend(direct, clientIds.get(i), "m" + i))).toList();
        nodeA.stop();
        long acked = replies.stream().filter(f -> f.isDone() && !f.isCompletedExceptionally()).count();

        // Her client reconnects (through the load balancer) to node b and resends what was not acked.
        try (WireClient again = alice.resume(nodeB.uri())) {
            IntStream.range(0, total).filter(i -> !replies.get(i).isDone() || replies.get(i).isCompletedExceptionally())
                    .mapToObj(i -> again.request(new Request.MessageSend(direct, clientIds.get(i), "m" + i)))
                    .toList().forEach(CompletableFuture::join);
            send(again, direct, "after the move");
        }

        List<String> expected = new ArrayList<>(IntStream.range(0, total).mapToObj(i -> "m" + i).toList());
        expected.add("after the move");
        assertThat(texts(bob.awaitMessages(total + 1))).as("live on node b, %d acked before the stop", acked)
                .containsExactlyElementsOf(expected);
        JsonNode synced = bob.ok(new Request.Sync(Map.of()));
        assertThat(synced.get("messages")).extracting(m -> m.get("seq").asLong())
                .as("stored once each, seq without gaps")
                .containsExactlyElementsOf(IntStream.rangeClosed(1, total + 1).mapToObj(i -> (long) i).toList());
    }

    @Test
    void whenANodeIsKilledOutrightItsClientsContinueOnTheOtherWithNothingLostOrDoubled() throws Exception {
        List<String> options = new ArrayList<>(TestServers.storeOptions(dataDir));
        options.addAll(List.of("--redis", redis.uri().toString(), "--node-id", "node-c"));
        WireClient alice;
        WireClient bob = user(nodeB, "bob");
        long direct;
        int total = 200;
        List<UUID> clientIds = IntStream.range(0, total).mapToObj(i -> UUID.randomUUID()).toList();
        List<CompletableFuture<JsonNode>> replies;
        try (ChildServer nodeC = ChildServer.start(options)) {
            alice = user(nodeC.uri(), "alice");
            direct = alice.ok(new Request.ConversationOpen("bob")).get("id").asLong();
            // Alice sends everything at once; node c's process is killed (SIGKILL) while the sends are in flight.
            replies = IntStream.range(0, total)
                    .mapToObj(i -> alice.request(new Request.MessageSend(direct, clientIds.get(i), "m" + i))).toList();
            replies.get(total / 10).join();
            nodeC.kill();
        }
        long acked = replies.stream().filter(f -> f.isDone() && !f.isCompletedExceptionally()).count();

        try (WireClient again = alice.resume(nodeB.uri())) {
            IntStream.range(0, total).filter(i -> !replies.get(i).isDone() || replies.get(i).isCompletedExceptionally())
                    .mapToObj(i -> again.request(new Request.MessageSend(direct, clientIds.get(i), "m" + i)))
                    .toList().forEach(CompletableFuture::join);
            send(again, direct, "after the kill");
        }

        JsonNode synced = bob.ok(new Request.Sync(Map.of()));
        List<String> expected = new ArrayList<>(IntStream.range(0, total).mapToObj(i -> "m" + i).toList());
        expected.add("after the kill");
        assertThat(texts(iterable(synced.get("messages")))).as("%d acked before the kill", acked)
                .containsExactlyElementsOf(expected);
        assertThat(synced.get("messages")).extracting(m -> m.get("seq").asLong())
                .as("stored once each, seq without gaps")
                .containsExactlyElementsOf(IntStream.rangeClosed(1, total + 1).mapToObj(i -> (long) i).toList());
    }

    private static List<JsonNode> iterable(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    @Test
    void sendsFromBothNodesIntoOneConversationGetGapFreeSeqsAndReachBothOnce() throws Exception {
        WireClient alice = user(nodeA, "alice");
        WireClient bob = user(nodeB, "bob");
        long direct = alice.ok(new Request.ConversationOpen("bob")).get("id").asLong();
        int each = 100;

        List<CompletableFuture<JsonNode>> sends = new ArrayList<>();
        for (int i = 0; i < each; i++) {
            sends.add(alice.request(new Request.MessageSend(direct, UUID.randomUUID(), "a" + i)));
            sends.add(bob.request(new Request.MessageSend(direct, UUID.randomUUID(), "b" + i)));
        }
        sends.forEach(CompletableFuture::join);

        List<Long> gapFree = IntStream.rangeClosed(1, 2 * each).mapToObj(i -> (long) i).toList();
        for (WireClient member : List.of(alice, bob)) {
            // Two nodes publish independently, so the pushes may interleave out of seq order; clients place
            // messages by seq. Each arrives once and none is missing.
            assertThat(member.awaitMessages(2 * each)).extracting(m -> m.get("seq").asLong())
                    .as("%s hears every message once", member.handle())
                    .containsExactlyInAnyOrderElementsOf(gapFree);
        }
        assertThat(bob.ok(new Request.Sync(Map.of())).get("messages")).extracting(m -> m.get("seq").asLong())
                .containsExactlyElementsOf(gapFree);
    }
}
