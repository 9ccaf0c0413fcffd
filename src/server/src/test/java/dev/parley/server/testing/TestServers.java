package dev.parley.server.testing;

import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import dev.parley.server.social.AccountLimits;
import dev.parley.server.store.jdbc.Database;
import dev.parley.server.store.postgres.PostgresDatabase;
import dev.parley.server.store.sqlite.SqliteDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real servers for tests: a free port, a data directory the test owns, cheap password hashing. */
public final class TestServers {
    private static volatile boolean onPostgres;
    private static final Map<Path, String> DATABASES = new ConcurrentHashMap<>();

    static {
        javaWebSocketAsInProduction();
    }

    private TestServers() {
    }

    /**
     * Java-WebSocket runs without assertions, as in production. Under surefire's {@code -ea}, an assert in its
     * TLS channel (1.6.0) fails when a client aborts or leaves right after the TLS handshake, and that ends the
     * server's selector thread (docs/SECURITY.md). Call before the first TLS server starts.
     */
    public static void javaWebSocketAsInProduction() {
        TestServers.class.getClassLoader().setPackageAssertionStatus("org.java_websocket", false);
    }

    /**
     * Per-account limits are lifted: tests pipeline thousands of messages. RateLimitTest sets its own. So is the
     * cap on connections per address, since every test client comes from loopback (ConnectionFloodTest sets one). Under
     * {@link OnPostgres} the server stores its data in a PostgreSQL database of its own (one per data directory).
     */
    public static ServerConfig.Builder config(Path dataDir) {
        ServerConfig.Builder builder = ServerConfig.builder(dataDir).port(0).argon(1024, 1)
                .accountRates(AccountLimits.Rates.GENEROUS).maxConnectionsPerAddress(0);
        return onPostgres ? builder.postgres(postgresFor(dataDir)) : builder;
    }

    /** The PostgreSQL database of servers on {@code dataDir}: created on first use. */
    public static String postgresFor(Path dataDir) {
        return DATABASES.computeIfAbsent(dataDir.toAbsolutePath(), dir -> PostgresForTests.freshDatabase());
    }

    /** The database servers on {@code dataDir} use (SQLite, or PostgreSQL under {@link OnPostgres}), opened. */
    public static Database database(Path dataDir) {
        if (onPostgres) {
            return PostgresDatabase.open(postgresFor(dataDir), null, null, 2);
        }
        try {
            return SqliteDatabase.open(dataDir, 1);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The command-line options that name the store of servers on {@code dataDir}, for the server's commands. */
    public static List<String> storeOptions(Path dataDir) {
        return onPostgres ? List.of("--data", dataDir.toString(), "--postgres", postgresFor(dataDir))
                : List.of("--data", dataDir.toString());
    }

    static void onPostgres(boolean on) {
        onPostgres = on;
        if (!on) {
            DATABASES.values().forEach(PostgresForTests::drop);
            DATABASES.clear();
        }
    }

    public static ParleyServer start(Path dataDir) {
        return start(config(dataDir).build());
    }

    public static ParleyServer start(ServerConfig config) {
        try {
            return ParleyServer.start(config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
