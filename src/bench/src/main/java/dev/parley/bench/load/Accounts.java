package dev.parley.bench.load;

import dev.parley.server.auth.PasswordHasher;
import dev.parley.server.auth.SessionTokens;
import dev.parley.server.store.jdbc.Database;
import dev.parley.server.store.sqlite.SqliteAccountStore;
import dev.parley.server.store.sqlite.SqliteDatabase;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Load-generator accounts. Signing up is not what the server scenarios measure, and 19,000 sign-ups through the
 * protocol take minutes (one Argon2id hash and two commits each), so the accounts and a device session each are
 * written straight into a server's data directory with the server's own store before it starts; the load
 * generator then signs in with {@code hello} and the session token, as an installed app does.
 */
public final class Accounts {
    public static final String PASSWORD = "bench-password";
    /** Writes queued at once; the store's write queue holds 10,000. */
    private static final int WRITES_IN_FLIGHT = 4_000;

    /** A registered account and its session token. */
    public record Account(String handle, String token) {
    }

    private Accounts() {
    }

    /**
     * Creates {@code count} accounts named {@code prefix0…} in the (stopped) server's data directory
     * {@code dataDir}, each with one session; all share one password hash (Argon2id at the bench server's cost).
     */
    public static List<Account> seed(Path dataDir, String prefix, int count) throws Exception {
        try (SqliteDatabase db = SqliteDatabase.open(dataDir, 1)) {
            return seed(db, prefix, count);
        }
    }

    /** Creates the accounts as {@link #seed(Path, String, int)} does, in a database (SQLite or PostgreSQL). */
    public static List<Account> seed(Database db, String prefix, int count) throws Exception {
        SessionTokens tokens = new SessionTokens();
        String hash;
        try (PasswordHasher hasher = new PasswordHasher(1024, 1, 1)) {
            hash = hasher.hash(PASSWORD).get();
        }
        Instant now = Instant.now();
        SqliteAccountStore store = new SqliteAccountStore(db);
        return Bounded.run(count, WRITES_IN_FLIGHT / 2, i -> {
            String handle = prefix + i;
            String token = tokens.newToken();
            return store.createUser(handle, handle, hash, now)
                    .thenCompose(user -> store.createSession(user.id(), SessionTokens.hash(token), "bench", now))
                    .thenApply(session -> new Account(handle, token));
        });
    }

    /** Connects and signs in each account with {@code hello}, a few hundred handshakes at a time. */
    public static List<ParleyConn> signIn(HttpClients http, URI server, List<Account> accounts, int inFlight)
            throws InterruptedException, ExecutionException {
        return signIn(http, List.of(server), accounts, inFlight);
    }

    /** Signs in as {@link #signIn(HttpClients, URI, List, int)} does, account {@code i} on node {@code i mod n}. */
    public static List<ParleyConn> signIn(HttpClients http, List<URI> nodes, List<Account> accounts, int inFlight)
            throws InterruptedException, ExecutionException {
        return Bounded.run(accounts.size(), inFlight, i -> ParleyConn.connect(http.next(), nodes.get(i % nodes.size()))
                .thenCompose(conn -> conn.hello(accounts.get(i).token()).thenApply(reply -> conn)));
    }

    /** Closes every connection and waits for the close frames to go out. */
    public static void closeAll(List<ParleyConn> connections) {
        connections.stream().map(c -> c.socket().close().exceptionally(failure -> null)).toList()
                .forEach(CompletableFuture::join);
    }
}
