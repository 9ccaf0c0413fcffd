package dev.parley.server;

import static dev.parley.server.testing.RawWebSocket.FIN;
import static dev.parley.server.testing.RawWebSocket.TEXT;
import static dev.parley.server.testing.RawWebSocket.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.protocol.Request;
import dev.parley.server.auth.LoginLimits;
import dev.parley.server.testing.RawWebSocket;
import dev.parley.server.testing.TestServers;
import dev.parley.server.testing.TwoFriendsTest;
import dev.parley.server.testing.WireClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Argon2id at a real (if reduced) cost under a storm of wrong-password sign-ins from 200 connections, kept up
 * for as long as two friends talk: every message of theirs is still acknowledged and delivered, because hashing
 * runs on its own small pool with a bounded queue (refused past it with rate_limited).
 */
class LoginStormTest extends TwoFriendsTest {
    private static final Logger log = LoggerFactory.getLogger(LoginStormTest.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int STORM_CONNECTIONS = 200;
    private static final int MESSAGES_EACH_WAY = 40;

    /** 16 MiB and 2 iterations; address and handle throttling lifted so that every guess reaches the hasher. */
    @Override
    protected ServerConfig config() {
        return TestServers.config(dataDir).argon(16 * 1024, 2)
                .loginLimits(new LoginLimits(1_000_000, Duration.ofMillis(1), 1_000_000, Duration.ofMillis(1)))
                .build();
    }

    @Test
    void aStormOfWrongPasswordSignInsDoesNotStarveMessageDelivery() throws Exception {
        AtomicBoolean storming = new AtomicBoolean(true);
        Map<String, AtomicLong> stormReplies = new ConcurrentHashMap<>();
        AtomicLong guesses = new AtomicLong();
        ExecutorService stormThreads = Executors.newFixedThreadPool(STORM_CONNECTIONS);
        List<CompletableFuture<Void>> storm = new ArrayList<>();
        for (int i = 0; i < STORM_CONNECTIONS; i++) {
            storm.add(CompletableFuture.runAsync(() -> guess(storming, stormReplies, guesses), stormThreads));
        }
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> guesses.get() >= STORM_CONNECTIONS);
            List<String> fromAlice = exchange(alice, bob, "from alice ");
            List<String> fromBob = exchange(bob, alice, "from bob ");

            assertThat(fromAlice).hasSize(MESSAGES_EACH_WAY);
            assertThat(fromBob).hasSize(MESSAGES_EACH_WAY);
        } finally {
            storming.set(false);
            CompletableFuture.allOf(storm.toArray(CompletableFuture[]::new)).join();
            stormThreads.shutdown();
        }
        log.info("{} wrong-password sign-ins during the exchange; replies {}", guesses, stormReplies);
        assertThat(stormReplies.keySet()).as("each guess was checked, or refused past the hashing queue")
                .isSubsetOf("unauthorized", "rate_limited").contains("unauthorized");
    }

    /**
     * Sends messages from one friend to the other, each waiting for its ack, and returns the texts the other
     * received live (a sender's own connections get its messages pushed too; those are skipped).
     */
    private List<String> exchange(WireClient from, WireClient to, String prefix) throws InterruptedException {
        for (int i = 0; i < MESSAGES_EACH_WAY; i++) {
            from.ok(new Request.MessageSend(conversation, UUID.randomUUID(), prefix + i));
        }
        List<String> texts = new ArrayList<>();
        while (texts.size() < MESSAGES_EACH_WAY) {
            JsonNode event = to.awaitEvent(e -> e.get("type").asText().equals("evt.message")
                    && e.get("body").get("message").get("sender").asText().equals(from.handle()));
            texts.add(event.get("body").get("message").get("text").asText());
        }
        assertThat(texts).containsExactlyElementsOf(
                IntStream.range(0, MESSAGES_EACH_WAY).mapToObj(i -> prefix + i).toList());
        return texts;
    }

    /**
     * Keeps one wrong-password sign-in in flight on a connection of its own until told to stop. One thread per
     * connection, so each answers the server's keep-alive pings while it waits for its reply.
     */
    private void guess(AtomicBoolean storming, Map<String, AtomicLong> replies, AtomicLong guesses) {
        try (RawWebSocket socket = RawWebSocket.open(server.uri())) {
            // A guess may wait behind the whole hashing queue (64 hashes on one thread) on a loaded machine.
            socket.readTimeout(Duration.ofMinutes(2));
            long round = 0;
            do {
                socket.send(FIN | TEXT, utf8("{\"v\":1,\"id\":\"g" + round++ + "\",\"type\":\"auth.login\","
                        + "\"body\":{\"handle\":\"nobody" + UUID.randomUUID().toString().substring(0, 8)
                        + "\",\"password\":\"wrong-guess\"}}"));
                guesses.incrementAndGet();
                String code = JSON.readTree(socket.readMessage().text()).get("code").asText();
                replies.computeIfAbsent(code, c -> new AtomicLong()).incrementAndGet();
            } while (storming.get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
