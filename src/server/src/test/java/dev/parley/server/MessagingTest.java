package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.Request;
import dev.parley.server.testing.TestServers;
import dev.parley.server.testing.WireClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessagingTest {
    @TempDir
    Path dataDir;
    ParleyServer server;
    final List<WireClient> clients = new ArrayList<>();

    @BeforeEach
    void startServer() {
        server = TestServers.start(dataDir);
    }

    @AfterEach
    void stopServer() {
        clients.forEach(WireClient::close);
        server.stop();
    }

    /** A new user, friends with everyone made before in the test: these tests are about delivery. */
    WireClient user(String handle) {
        WireClient user = WireClient.registered(server.uri(), handle);
        clients.stream().filter(c -> c.handle() != null).forEach(other -> WireClient.befriend(user, other));
        return track(user);
    }

    WireClient track(WireClient client) {
        clients.add(client);
        return client;
    }

    static long open(WireClient client, String handle) {
        return client.ok(new Request.ConversationOpen(handle)).get("id").asLong();
    }

    static JsonNode send(WireClient client, long conversationId, String text) {
        return client.ok(new Request.MessageSend(conversationId, UUID.randomUUID(), text)).get("message");
    }

    @Test
    void twoUsersExchangeMessagesInSeqOrder() throws Exception {
        WireClient alice = user("alice");
        WireClient bob = user("bob");
        long conversation = open(alice, "bob");
        assertThat(open(bob, "alice")).as("both sides get the same conversation").isEqualTo(conversation);

        JsonNode first = send(alice, conversation, "hi bob");
        JsonNode second = send(bob, conversation, "hey alice");
        JsonNode third = send(alice, conversation, "  how are you?  ");

        assertThat(List.of(first, second, third)).extracting(m -> m.get("seq").asLong()).containsExactly(1L, 2L, 3L);
        assertThat(third.get("text").asText()).as("text is stripped").isEqualTo("how are you?");
        assertThat(bob.awaitMessages(3)).extracting(m -> m.get("text").asText())
                .containsExactly("hi bob", "hey alice", "how are you?");
        assertThat(alice.awaitMessages(3)).extracting(m -> m.get("sender").asText())
                .containsExactly("alice", "bob", "alice");
    }

    @Test
    void everyDeviceOfBothPeopleReceivesTheMessage() throws Exception {
        WireClient alice = user("alice");
        WireClient bob = user("bob");
        WireClient alicePhone = track(WireClient.connect(server.uri()));
        alicePhone.ok(new Request.Login("alice", "password-alice", "phone"));
        WireClient bobSecondWindow = track(bob.resume(server.uri()));
        long conversation = open(alice, "bob");

        send(alice, conversation, "on every screen");

        for (WireClient device : List.of(alice, alicePhone, bob, bobSecondWindow)) {
            assertThat(device.awaitMessages(1).get(0).get("text").asText()).isEqualTo("on every screen");
        }
    }

    @Test
    void manyPipelinedSendsGetGapFreeSeqsInSendOrder() {
        WireClient alice = user("alice");
        user("bob");
        long conversation = open(alice, "bob");

        List<CompletableFuture<JsonNode>> replies = IntStream.range(0, 300)
                .mapToObj(i -> alice.request(new Request.MessageSend(conversation, UUID.randomUUID(), "m" + i)))
                .toList();

        List<Long> seqs = replies.stream().map(CompletableFuture::join)
                .map(reply -> reply.get("body").get("message").get("seq").asLong()).toList();
        assertThat(seqs).containsExactlyElementsOf(IntStream.rangeClosed(1, 300).mapToObj(i -> (long) i).toList());
    }

    @Test
    void bothPeopleSendingAtOnceSeeEveryMessagePushedInSeqOrder() throws Exception {
        WireClient alice = user("alice");
        WireClient bob = user("bob");
        long conversation = open(alice, "bob");

        List<CompletableFuture<JsonNode>> replies = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            replies.add(alice.request(new Request.MessageSend(conversation, UUID.randomUUID(), "a" + i)));
            replies.add(bob.request(new Request.MessageSend(conversation, UUID.randomUUID(), "b" + i)));
        }
        replies.forEach(CompletableFuture::join);

        List<Long> all = IntStream.rangeClosed(1, 600).mapToObj(i -> (long) i).toList();
        // the fan-out is each write's after-commit step, so pushes leave in commit order whoever sent them
        assertThat(alice.awaitMessages(600)).extracting(m -> m.get("seq").asLong()).containsExactlyElementsOf(all);
        assertThat(bob.awaitMessages(600)).extracting(m -> m.get("seq").asLong()).containsExactlyElementsOf(all);
    }

    @Test
    void resendAfterLostAckStoresOnce() {
        WireClient alice = user("alice");
        user("bob");
        long conversation = open(alice, "bob");
        UUID clientId = UUID.randomUUID();
        Request.MessageSend message = new Request.MessageSend(conversation, clientId, "did this arrive?");

        alice.request(message);
        alice.abort();

        WireClient again = track(alice.resume(server.uri()));
        JsonNode first = again.ok(message);
        JsonNode second = again.ok(message);

        assertThat(first.get("message").get("seq").asLong()).isEqualTo(1);
        assertThat(second.get("duplicate").asBoolean()).isTrue();
        assertThat(second.get("message")).isEqualTo(first.get("message"));
        JsonNode history = again.ok(new Request.MessageHistory(conversation, null, null));
        assertThat(history.get("messages")).hasSize(1);
    }

    @Test
    void clientIdReusedInAnotherConversationIsAConflict() {
        WireClient alice = user("alice");
        user("bob");
        user("carol");
        UUID clientId = UUID.randomUUID();
        alice.ok(new Request.MessageSend(open(alice, "bob"), clientId, "for bob"));

        JsonNode error = alice.error(new Request.MessageSend(open(alice, "carol"), clientId, "for carol"));

        assertThat(error.get("code").asText()).isEqualTo("conflict");
    }

    @Test
    void offlinePersonCatchesUpFromTheirCursorInOrder() throws Exception {
        WireClient alice = user("alice");
        WireClient bob = user("bob");
        long conversation = open(alice, "bob");
        send(alice, conversation, "one");
        send(alice, conversation, "two");
        bob.awaitMessages(2);
        String bobToken = bob.token();
        bob.close();

        for (String text : List.of("three", "four", "five")) {
            send(alice, conversation, text);
        }

        WireClient bobLater = track(WireClient.connect(server.uri()));
        bobLater.ok(new Request.Hello(1, bobToken));
        JsonNode page = bobLater.ok(new Request.Sync(Map.of(conversation, 2L)));

        assertThat(page.get("messages")).extracting(m -> m.get("seq").asLong()).containsExactly(3L, 4L, 5L);
        assertThat(page.get("messages")).extracting(m -> m.get("text").asText())
                .containsExactly("three", "four", "five");
        assertThat(page.get("more").asBoolean()).isFalse();
    }

    @Test
    void syncOfALongBacklogComesInPagesWithoutGaps() {
        WireClient alice = user("alice");
        WireClient bob = user("bob");
        long conversation = open(alice, "bob");
        // In batches well under the server's 1,000 waiting requests per connection, so a slow machine never
        // trips that limit.
        for (int batch = 0; batch < 1_203; batch += 200) {
            IntStream.range(batch, Math.min(batch + 200, 1_203))
                    .mapToObj(i -> alice.request(new Request.MessageSend(conversation, UUID.randomUUID(), "m" + i)))
                    .toList().forEach(CompletableFuture::join);
        }

        List<Long> seen = new ArrayList<>();
        long cursor = 0;
        int pages = 0;
        boolean more = true;
        while (more) {
            JsonNode page = bob.ok(new Request.Sync(Map.of(conversation, cursor)));
            page.get("messages").forEach(m -> seen.add(m.get("seq").asLong()));
            cursor = seen.get(seen.size() - 1);
            more = page.get("more").asBoolean();
            pages++;
        }

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(IntStream.rangeClosed(1, 1_203).mapToObj(i -> (long) i).toList());
    }

    @Test
    void pagesOfLongMessagesStayWithinTheReplyBudget() {
        WireClient alice = user("alice");
        WireClient bob = user("bob");
        long conversation = open(alice, "bob");
        String longText = "y".repeat(4_000);
        IntStream.range(0, 150)
                .mapToObj(i -> alice.request(new Request.MessageSend(conversation, UUID.randomUUID(), longText)))
                .toList().forEach(CompletableFuture::join);

        JsonNode firstSync = bob.ok(new Request.Sync(Map.of()));
        JsonNode newestHistory = bob.ok(new Request.MessageHistory(conversation, null, 100));

        assertThat(firstSync.get("messages")).hasSize(65);
        assertThat(firstSync.get("more").asBoolean()).isTrue();
        assertThat(newestHistory.get("messages")).hasSize(65);
        assertThat(newestHistory.get("messages").get(64).get("seq").asLong()).isEqualTo(150);
        assertThat(newestHistory.get("hasMore").asBoolean()).isTrue();
    }

    @Test
    void historyPagesBackwardsBySeq() {
        WireClient alice = user("alice");
        user("bob");
        long conversation = open(alice, "bob");
        IntStream.range(0, 250)
                .mapToObj(i -> alice.request(new Request.MessageSend(conversation, UUID.randomUUID(), "m" + (i + 1))))
                .toList().forEach(CompletableFuture::join);

        JsonNode newest = alice.ok(new Request.MessageHistory(conversation, null, null));
        JsonNode older = alice.ok(new Request.MessageHistory(conversation, 151L, 100));
        JsonNode oldest = alice.ok(new Request.MessageHistory(conversation, 51L, 100));

        assertThat(newest.get("messages")).hasSize(100);
        assertThat(newest.get("messages").get(0).get("seq").asLong()).isEqualTo(151);
        assertThat(newest.get("messages").get(99).get("text").asText()).isEqualTo("m250");
        assertThat(newest.get("hasMore").asBoolean()).isTrue();
        assertThat(older.get("messages").get(0).get("seq").asLong()).isEqualTo(51);
        assertThat(oldest.get("messages")).hasSize(50);
        assertThat(oldest.get("hasMore").asBoolean()).isFalse();
    }

    @Test
    void unreadCountFollowsTheReadCursorAcrossDevices() throws Exception {
        WireClient alice = user("alice");
        WireClient bob = user("bob");
        WireClient bobLaptop = track(bob.resume(server.uri()));
        long conversation = open(alice, "bob");
        for (int i = 0; i < 4; i++) {
            send(alice, conversation, "ping " + i);
        }

        JsonNode before = bob.ok(new Request.ConversationList()).get("conversations").get(0);
        JsonNode cursor = bob.ok(new Request.MessageRead(conversation, 3L));
        JsonNode pushed = bobLaptop.awaitEvent(e -> e.get("type").asText().equals("evt.read"));
        JsonNode after = bob.ok(new Request.ConversationList()).get("conversations").get(0);
        JsonNode backwards = bob.ok(new Request.MessageRead(conversation, 1L));

        assertThat(before.get("unread").asInt()).isEqualTo(4);
        assertThat(cursor.get("unread").asInt()).isEqualTo(1);
        assertThat(pushed.get("body").get("readSeq").asLong()).isEqualTo(3);
        assertThat(after.get("unread").asInt()).isEqualTo(1);
        assertThat(after.get("readSeq").asLong()).isEqualTo(3);
        assertThat(backwards.get("readSeq").asLong()).as("the cursor never moves back").isEqualTo(3);
        JsonNode aliceView = alice.ok(new Request.ConversationList()).get("conversations").get(0);
        assertThat(aliceView.get("unread").asInt()).as("own messages are never unread").isZero();
    }

    @Test
    void conversationListShowsPeerAndLastMessageMostRecentFirst() {
        WireClient alice = user("alice");
        user("bob");
        user("carol");
        long withBob = open(alice, "bob");
        long withCarol = open(alice, "carol");
        send(alice, withCarol, "carol first");
        send(alice, withBob, "bob latest");

        JsonNode conversations = alice.ok(new Request.ConversationList()).get("conversations");

        assertThat(conversations).extracting(c -> c.get("id").asLong()).containsExactly(withBob, withCarol);
        assertThat(conversations.get(0).get("peer").get("handle").asText()).isEqualTo("bob");
        assertThat(conversations.get(0).get("peer").get("displayName").asText()).isEqualTo("Bob");
        assertThat(conversations.get(0).get("lastMessage").get("text").asText()).isEqualTo("bob latest");
    }

    @Test
    void strangersCannotReadOrWriteSomeoneElsesConversation() {
        WireClient alice = user("alice");
        user("bob");
        WireClient mallory = user("mallory");
        long conversation = open(alice, "bob");
        send(alice, conversation, "private");

        JsonNode write = mallory.error(new Request.MessageSend(conversation, UUID.randomUUID(), "let me in"));
        JsonNode read = mallory.error(new Request.MessageHistory(conversation, null, null));
        JsonNode sync = mallory.ok(new Request.Sync(Map.of()));

        assertThat(write.get("code").asText()).isEqualTo("not_found");
        assertThat(read.get("code").asText()).isEqualTo("not_found");
        assertThat(sync.get("messages")).isEmpty();
        assertThat(alice.ok(new Request.MessageHistory(conversation, null, null)).get("messages")).hasSize(1);
    }

    @Test
    void acknowledgedMessagesSurviveARestart() {
        WireClient alice = user("alice");
        user("bob");
        long conversation = open(alice, "bob");
        List<String> acked = IntStream.range(0, 50)
                .mapToObj(i -> alice.request(new Request.MessageSend(conversation, UUID.randomUUID(), "kept " + i)))
                .toList().stream()
                .map(f -> f.join().get("body").get("message").get("text").asText()).toList();
        String token = alice.token();
        clients.forEach(WireClient::close);
        clients.clear();
        server.stop();

        server = TestServers.start(dataDir);
        WireClient back = track(WireClient.connect(server.uri()));
        back.ok(new Request.Hello(1, token));
        JsonNode history = back.ok(new Request.MessageHistory(conversation, null, 100));

        assertThat(history.get("messages")).extracting(m -> m.get("text").asText()).containsExactlyElementsOf(acked);
    }
}
