package dev.parley.bench.client;

import dev.parley.bench.load.ParleyConn;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Fills a server with a person's history through the protocol, the way people would have written it: 1:1
 * conversations with other accounts, messages from both sides (the two are friends, so nothing is a message
 * request), sent pipelined so that 100,000 messages take a minute, not an hour.
 */
public final class Seeder {
    /** Requests in flight per connection while seeding. */
    private static final int WINDOW = 400;
    /** Conversations whose peers are set up at once. */
    private static final int PARALLEL_PEERS = 16;
    private static final String[] WORDS = ("ok so the train was late again and I missed the first half of the talk "
            + "but the slides are online can you send me the link later tonight maybe we could grab dinner "
            + "after work on friday I will bring the map and the tickets 😀 👍 🎉 sounds great see you there").split(" ");

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI server;

    /** A registered account with its open connection and its session token (for {@link ClientProbe#signIn}). */
    public record Account(String handle, String token, ParleyConn conn) {
    }

    public Seeder(URI server) {
        this.server = server;
    }

    /** Registers {@code handle} (password {@code password-<handle>}) and keeps its connection open. */
    public Account register(String handle) throws Exception {
        ParleyConn conn = ParleyConn.connect(http, server).get(60, TimeUnit.SECONDS);
        String token = conn.register(handle, "password-" + handle).get(60, TimeUnit.SECONDS).path("token").asText();
        return new Account(handle, token, conn);
    }

    /**
     * Gives {@code owner} {@code conversations} 1:1 conversations with new accounts {@code <prefix>0…}, each with
     * {@code messages} messages; returns their ids in the order they were made (the last is the most recent).
     */
    public List<Long> inbox(Account owner, String prefix, int conversations, int messages) throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int from = 0; from < conversations; from += PARALLEL_PEERS) {
            List<CompletableFuture<Long>> batch = new ArrayList<>();
            for (int i = from; i < Math.min(conversations, from + PARALLEL_PEERS); i++) {
                String handle = prefix + i;
                batch.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return chat(owner, handle, messages);
                    } catch (Exception e) {
                        throw new IllegalStateException("seeding the conversation with " + handle + " failed", e);
                    }
                }));
            }
            for (CompletableFuture<Long> id : batch) {
                ids.add(id.get(10, TimeUnit.MINUTES));
            }
        }
        return ids;
    }

    /**
     * A 1:1 conversation between {@code owner} and a new account {@code peerHandle} with {@code messages} messages,
     * two in five of them the owner's; returns its id.
     */
    public long chat(Account owner, String peerHandle, int messages) throws Exception {
        Account peer = register(peerHandle);
        try {
            // Friends, so neither side's messages wait as a message request (at most 3 until accepted).
            follow(peer, owner.handle());
            follow(owner, peerHandle);
            long id = owner.conn().openConversation(peerHandle).get(60, TimeUnit.SECONDS);
            List<CompletableFuture<?>> inFlight = new ArrayList<>();
            for (int i = 0; i < messages; i++) {
                ParleyConn from = i % 5 < 2 ? owner.conn() : peer.conn();
                inFlight.add(from.send(id, text(i)));
                if (inFlight.size() >= WINDOW) {
                    awaitAll(inFlight);
                }
            }
            awaitAll(inFlight);
            return id;
        } finally {
            peer.conn().socket().close();
        }
    }

    private static void follow(Account who, String handle) throws Exception {
        who.conn().request("user.follow", ParleyConn.body().put("handle", handle)).get(60, TimeUnit.SECONDS);
    }

    private static void awaitAll(List<CompletableFuture<?>> futures) throws Exception {
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
        futures.clear();
    }

    /** Message {@code i}: mostly a short line, every seventh a paragraph that wraps over several lines. */
    static String text(int i) {
        int words = i % 7 == 0 ? 40 + i % 30 : 3 + i % 9;
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < words; w++) {
            text.append(w == 0 ? "" : " ").append(WORDS[(i * 31 + w * 7) % WORDS.length]);
        }
        return text.append(" #").append(i).toString();
    }
}
