package dev.parley.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Setup through the protocol, pipelined: many accounts registered at once (each on a connection of its own,
 * which stays signed in) and groups whose members are friends of the owner, as {@code group.create} requires.
 */
public final class BulkAccounts {
    /** Registrations at once: the server's password-hashing queue refuses beyond 64 waiting. */
    private static final int REGISTERING_AT_ONCE = 32;
    /** Unanswered requests per connection during setup (the protocol asks for the low hundreds). */
    private static final int PIPELINE = 200;
    private static final long SETUP_TIMEOUT_SECONDS = 300;

    /** A registered account, its device token, and the connection it is signed in on. */
    public record Account(String handle, String token, ParleyConn conn) {
    }

    private BulkAccounts() {
    }

    /** The handle of account {@code index} with {@code prefix}: {@code prefix00042}. */
    public static String handle(String prefix, int index) {
        return String.format(Locale.ROOT, "%s%05d", prefix, index);
    }

    /** Registers {@code count} accounts named {@link #handle(String, int)}, each on a new connection. */
    public static List<Account> register(ClientPool clients, URI server, String prefix, int count)
            throws InterruptedException {
        InFlight inFlight = new InFlight(REGISTERING_AT_ONCE);
        List<CompletableFuture<Account>> accounts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String handle = handle(prefix, i);
            int index = i;
            accounts.add(inFlight.submit(() -> ParleyConn.connect(clients.forConnection(index), server)
                    .thenCompose(conn -> conn.register(handle, "password-" + handle)
                            .thenApply(body -> new Account(handle, body.get("token").asText(), conn)))));
        }
        inFlight.awaitAll(SETUP_TIMEOUT_SECONDS);
        return accounts.stream().map(CompletableFuture::join).toList();
    }

    /**
     * Makes {@code members} friends of {@code owner} (follows both ways) and has the owner create a group of
     * them all; returns the group's conversation id.
     */
    public static long createGroup(Account owner, List<Account> members, String title) throws InterruptedException {
        InFlight ownerSide = new InFlight(PIPELINE);
        List<CompletableFuture<JsonNode>> follows = new ArrayList<>();
        for (Account member : members) {
            follows.add(member.conn().request("user.follow", ParleyConn.body().put("handle", owner.handle())));
            follows.add(ownerSide.submit(() -> owner.conn().request("user.follow",
                    ParleyConn.body().put("handle", member.handle()))));
        }
        CompletableFuture.allOf(follows.toArray(CompletableFuture[]::new)).join();
        var body = ParleyConn.body().put("clientId", UUID.randomUUID().toString()).put("title", title);
        ArrayNode handles = body.putArray("members");
        members.forEach(m -> handles.add(m.handle()));
        JsonNode created = owner.conn().request("group.create", body).orTimeout(SETUP_TIMEOUT_SECONDS,
                TimeUnit.SECONDS).join();
        if (!created.path("refused").isEmpty()) {
            throw new IllegalStateException("group.create refused members: " + created.get("refused"));
        }
        return created.path("conversation").path("id").asLong();
    }

    /** Closes every account's setup connection and waits for the close frames to go out. */
    public static void closeAll(List<Account> accounts) {
        ClientPool.closeAll(accounts.stream().map(a -> a.conn().socket()).toList());
    }
}
