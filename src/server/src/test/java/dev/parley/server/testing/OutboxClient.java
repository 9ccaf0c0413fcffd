package dev.parley.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.Request;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A device reduced to the wire, for crash tests: it keeps sending into its conversations, holds every message in an
 * outbox until the server acknowledges it, and when the connection dies it reconnects with backoff (to wherever
 * {@code server} says the server now is), says hello, resends the whole outbox with the same client ids and syncs
 * what it missed. It remembers every acknowledgement and builds its own view of each conversation (seq → message)
 * from acks, pushes and syncs; a seq seen with two different messages is a conflict.
 */
public final class OutboxClient implements Runnable {
    private static final int WINDOW = 8;
    private static final long WAIT_SECONDS = 20;

    /** One message as this client wrote it. */
    public record Outgoing(long conversationId, UUID clientId, String text) {
    }

    /** A message as it sits at a seq: who sent it and with which client id. */
    public record Stored(String sender, UUID clientId) {
    }

    private final String handle;
    private final String token;
    private final Supplier<URI> server;
    private final HttpClient http;
    private final List<Long> conversations;
    private final Random random;
    private final Map<UUID, Outgoing> outbox = new LinkedHashMap<>();
    private final Map<UUID, Long> acked = new ConcurrentHashMap<>();
    private final Map<Long, NavigableMap<Long, Stored>> view = new ConcurrentHashMap<>();
    private final List<String> conflicts = new CopyOnWriteArrayList<>();
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private final AtomicInteger written = new AtomicInteger();
    private final AtomicInteger sessions = new AtomicInteger();
    private final AtomicInteger resent = new AtomicInteger();
    private final AtomicInteger duplicates = new AtomicInteger();
    private volatile boolean stopping;
    private volatile boolean finished;

    public OutboxClient(String handle, String token, Supplier<URI> server, HttpClient http, List<Long> conversations,
            long seed) {
        this.handle = handle;
        this.token = token;
        this.server = server;
        this.http = http;
        this.conversations = List.copyOf(conversations);
        this.random = new Random(seed);
    }

    @Override
    public void run() {
        long backoffMillis = 25;
        while (!finished) {
            WireClient client = null;
            try {
                client = WireClient.connect(server.get(), http);
                client.ok(new Request.Hello(1, token));
                sessions.incrementAndGet();
                backoffMillis = 25;
                session(client);
                finished = true;
            } catch (RuntimeException | AssertionError e) {
                // The server died under us (or is not up yet): back off, with jitter, and try again.
                try {
                    Thread.sleep(backoffMillis + random.nextInt((int) backoffMillis));
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoffMillis = Math.min(1_000, backoffMillis * 2);
            } catch (InterruptedException e) {
                return;
            } finally {
                if (client != null) {
                    client.abort();
                }
            }
        }
    }

    /** Resends the outbox, catches up, then writes until stopped; returns once everything written is acked. */
    private void session(WireClient client) throws InterruptedException {
        Semaphore window = new Semaphore(WINDOW);
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        for (Outgoing message : unacked()) {
            resent.incrementAndGet();
            inFlight.add(send(client, message, window));
        }
        catchUp(client);
        while (!stopping) {
            long conversation = conversations.get(random.nextInt(conversations.size()));
            Outgoing message = new Outgoing(conversation, UUID.randomUUID(), handle + " #" + written.incrementAndGet());
            synchronized (outbox) {
                outbox.put(message.clientId(), message);
            }
            inFlight.add(send(client, message, window));
            inFlight.removeIf(CompletableFuture::isDone);
            client.drainEvents().forEach(this::observePush);
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).orTimeout(WAIT_SECONDS, TimeUnit.SECONDS)
                .join();
        if (!unacked().isEmpty()) {
            throw new IllegalStateException(handle + ": the outbox is not empty yet");
        }
        catchUp(client);
    }

    private CompletableFuture<?> send(WireClient client, Outgoing message, Semaphore window)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!window.tryAcquire(50, TimeUnit.MILLISECONDS)) {
            if (client.isClosed() || System.nanoTime() > deadline) {
                throw new IllegalStateException(handle + ": the connection is gone or stuck");
            }
        }
        return client.request(new Request.MessageSend(message.conversationId(), message.clientId(), message.text()))
                .whenComplete((reply, error) -> {
                    window.release();
                    if (error == null) {
                        acknowledged(message, reply);
                    }
                });
    }

    private void acknowledged(Outgoing message, JsonNode reply) {
        if (!reply.get("type").asText().equals("ok")) {
            refusals.add(message + " → " + reply);
            return;
        }
        JsonNode stored = reply.get("body").get("message");
        if (reply.get("body").get("duplicate").asBoolean()) {
            duplicates.incrementAndGet();
        }
        Long before = acked.put(message.clientId(), stored.get("seq").asLong());
        if (before != null && before != stored.get("seq").asLong()) {
            conflicts.add(message.clientId() + " acked at seq " + before + " and later at " + stored.get("seq"));
        }
        observe(stored);
        synchronized (outbox) {
            outbox.remove(message.clientId());
        }
    }

    private void observePush(JsonNode event) {
        if (event.get("type").asText().equals("evt.message")) {
            observe(event.get("body").get("message"));
        }
    }

    private void observe(JsonNode message) {
        long conversation = message.get("conversationId").asLong();
        long seq = message.get("seq").asLong();
        Stored stored = new Stored(message.get("sender").asText(), UUID.fromString(message.get("clientId").asText()));
        Stored before = view.computeIfAbsent(conversation, c -> new ConcurrentSkipListMap<>()).putIfAbsent(seq, stored);
        if (before != null && !before.equals(stored)) {
            conflicts.add("conversation " + conversation + " seq " + seq + " was " + before + ", now " + stored);
        }
    }

    /** Syncs every conversation from the end of what this client holds without a gap. */
    private void catchUp(WireClient client) {
        Map<Long, Long> cursors = new HashMap<>();
        for (long conversation : conversations) {
            NavigableMap<Long, Stored> seen = view.getOrDefault(conversation, new ConcurrentSkipListMap<>());
            long contiguous = 0;
            while (seen.containsKey(contiguous + 1)) {
                contiguous++;
            }
            cursors.put(conversation, contiguous);
        }
        for (boolean more = true; more; ) {
            JsonNode page = client.ok(new Request.Sync(cursors));
            page.get("messages").forEach(m -> {
                observe(m);
                cursors.put(m.get("conversationId").asLong(), m.get("seq").asLong());
            });
            more = page.get("more").asBoolean();
        }
        client.drainEvents().forEach(this::observePush);
    }

    /** One more catch-up on a fresh connection, once the server stays up: the view then matches the server's. */
    public void syncOnce() {
        try (WireClient client = WireClient.connect(server.get(), http)) {
            client.ok(new Request.Hello(1, token));
            catchUp(client);
        }
    }

    private List<Outgoing> unacked() {
        synchronized (outbox) {
            return List.copyOf(outbox.values());
        }
    }

    /** Stops writing new messages; the client still resends until its outbox is empty, syncs once more and ends. */
    public void stop() {
        stopping = true;
    }

    public boolean finished() {
        return finished;
    }

    public String handle() {
        return handle;
    }

    /** Client id → the seq the server acknowledged it at. */
    public Map<UUID, Long> acked() {
        return acked;
    }

    /** Conversation → seq → message, as this client has seen it. */
    public Map<Long, NavigableMap<Long, Stored>> view() {
        return view;
    }

    public List<String> conflicts() {
        return conflicts;
    }

    public List<String> refusals() {
        return refusals;
    }

    public int written() {
        return written.get();
    }

    public int sessions() {
        return sessions.get();
    }

    public int resent() {
        return resent.get();
    }

    /** Acks that said "duplicate": a resend of something the server had already stored. */
    public int duplicateAcks() {
        return duplicates.get();
    }
}
