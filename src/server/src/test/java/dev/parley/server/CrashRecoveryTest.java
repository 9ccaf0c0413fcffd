package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.Request;
import dev.parley.server.testing.ChildServer;
import dev.parley.server.testing.TestServers;
import dev.parley.server.testing.WireClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.io.TempDir;

/** A server killed with SIGKILL mid-burst loses no acknowledged message, and resends create no duplicates. */
class CrashRecoveryTest {
    static final int MAX_PER_SENDER = 5_000;

    @TempDir
    Path dataDir;

    /** One client sending as fast as its window allows, remembering what it sent and what was acked. */
    static final class Sender implements Runnable {
        final WireClient client;
        final long conversation;
        final List<UUID> sent = new CopyOnWriteArrayList<>();
        final Map<UUID, Long> acked = new ConcurrentHashMap<>();
        final Semaphore window = new Semaphore(32);

        Sender(WireClient client, long conversation) {
            this.client = client;
            this.conversation = conversation;
        }

        @Override
        public void run() {
            for (int i = 0; i < MAX_PER_SENDER && !client.isClosed(); i++) {
                try {
                    if (!window.tryAcquire(5, TimeUnit.SECONDS)) {
                        return;
                    }
                } catch (InterruptedException e) {
                    return;
                }
                UUID clientId = UUID.randomUUID();
                sent.add(clientId);
                try {
                    client.request(new Request.MessageSend(conversation, clientId, "burst " + i))
                            .whenComplete((reply, error) -> {
                                if (error == null && reply.get("type").asText().equals("ok")) {
                                    acked.put(clientId, reply.get("body").get("message").get("seq").asLong());
                                }
                                window.release();
                            });
                } catch (RuntimeException e) {
                    return;
                }
            }
        }
    }

    @Test
    void ackedMessagesSurviveSigkillAndResendsCreateNoDuplicates() throws Exception {
        Map<String, String> tokens = new HashMap<>();
        List<Sender> senders = new ArrayList<>();
        long aliceBob;
        long carolAlice;
        try (ChildServer child = ChildServer.start(dataDir)) {
            URI uri = child.uri();
            WireClient alice = WireClient.registered(uri, "alice");
            WireClient bob = WireClient.registered(uri, "bob");
            WireClient carol = WireClient.registered(uri, "carol");
            List.of(alice, bob, carol).forEach(c -> tokens.put(c.handle(), c.token()));
            WireClient.befriend(alice, bob);
            WireClient.befriend(carol, alice);
            aliceBob = alice.ok(new Request.ConversationOpen("bob")).get("id").asLong();
            carolAlice = carol.ok(new Request.ConversationOpen("alice")).get("id").asLong();
            // Alice and Bob write into the same conversation at once; Carol into another.
            senders.add(new Sender(alice, aliceBob));
            senders.add(new Sender(bob, aliceBob));
            senders.add(new Sender(carol, carolAlice));
            List<Thread> threads = senders.stream().map(s -> new Thread(s, "sender")).toList();
            threads.forEach(Thread::start);

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> senders.stream().allMatch(s -> s.acked.size() >= 100));
            child.kill();
            for (Thread thread : threads) {
                thread.join(30_000);
            }
        }

        int ackedBeforeKill = senders.stream().mapToInt(s -> s.acked.size()).sum();
        int sentBeforeKill = senders.stream().mapToInt(s -> s.sent.size()).sum();
        assertThat(ackedBeforeKill).isGreaterThanOrEqualTo(300);
        LoggerFactory.getLogger(CrashRecoveryTest.class).info("killed with {} sent, {} acked", sentBeforeKill,
                ackedBeforeKill);

        try (ParleyServer restarted = TestServers.start(dataDir)) {
            for (Sender sender : senders) {
                try (WireClient again = WireClient.connect(restarted.uri())) {
                    again.ok(new Request.Hello(1, tokens.get(sender.client.handle())));
                    List<CompletableFuture<JsonNode>> resends = sender.sent.stream()
                            .map(id -> again.request(new Request.MessageSend(sender.conversation, id, "resend")))
                            .toList();
                    for (int i = 0; i < resends.size(); i++) {
                        UUID clientId = sender.sent.get(i);
                        JsonNode reply = resends.get(i).join().get("body");
                        Long ackedSeq = sender.acked.get(clientId);
                        if (ackedSeq != null) {
                            assertThat(reply.get("duplicate").asBoolean()).as("acked %s was stored", clientId).isTrue();
                            assertThat(reply.get("message").get("seq").asLong()).isEqualTo(ackedSeq);
                        }
                    }
                }
            }
            try (WireClient alice = WireClient.connect(restarted.uri())) {
                alice.ok(new Request.Hello(1, tokens.get("alice")));
                List<JsonNode> stored = syncAll(alice, aliceBob, carolAlice);

                assertThat(stored).as("every message sent, once, after resends").hasSize(sentBeforeKill);
                Set<String> clientIds = new HashSet<>();
                stored.forEach(m -> clientIds.add(m.get("sender").asText() + "/" + m.get("clientId").asText()));
                assertThat(clientIds).hasSize(sentBeforeKill);
                for (long conversation : List.of(aliceBob, carolAlice)) {
                    List<Long> seqs = stored.stream().filter(m -> m.get("conversationId").asLong() == conversation)
                            .map(m -> m.get("seq").asLong()).toList();
                    assertThat(seqs).as("gap-free seqs").containsExactlyElementsOf(
                            LongStream.rangeClosed(1, seqs.size()).boxed().toList());
                }
            }
        }
    }

    /** Everything in the given conversations, via sync with a cursor per conversation. */
    static List<JsonNode> syncAll(WireClient client, long... conversations) {
        Map<Long, Long> cursors = new HashMap<>();
        LongStream.of(conversations).forEach(c -> cursors.put(c, 0L));
        List<JsonNode> messages = new ArrayList<>();
        for (boolean more = true; more; ) {
            JsonNode page = client.ok(new Request.Sync(cursors));
            page.get("messages").forEach(m -> {
                messages.add(m);
                cursors.put(m.get("conversationId").asLong(), m.get("seq").asLong());
            });
            more = page.get("more").asBoolean();
        }
        return messages;
    }
}
