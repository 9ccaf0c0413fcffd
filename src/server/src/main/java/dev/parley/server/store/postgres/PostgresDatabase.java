package dev.parley.server.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.parley.server.store.Lease;
import dev.parley.server.store.jdbc.Database;
import dev.parley.server.store.CommittedMessages;
import dev.parley.server.store.jdbc.WriteQueue;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A PostgreSQL database shared by any number of server nodes, migrated by Flyway ({@code db/postgresql}) on open.
 * Reads use a HikariCP pool; writes go through this node's {@link WriteQueue}, which borrows a pooled connection
 * per batch and runs a batch again when it conflicts with another node's transaction. The stores' SQL is the
 * same as on SQLite; the per-conversation seq is assigned by an {@code UPDATE ... RETURNING} that locks the
 * conversation's row until commit, so senders on different nodes take turns and the seq stays gap-free.
 */
public final class PostgresDatabase implements Database {
    private final HikariDataSource pool;
    private final WriteQueue writes;
    private final CommittedMessages committedMessages = new CommittedMessages();
    private final String jdbcUrl;
    private final String user;
    private final String password;

    private PostgresDatabase(HikariDataSource pool, String jdbcUrl, String user, String password) {
        this.pool = pool;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.writes = WriteQueue.pooled(pool, 10_000, "parley-store");
    }

    /**
     * Connects to {@code jdbcUrl} ({@code jdbc:postgresql://host:port/db}, optionally with
     * {@code ?user=…&password=…});
     * {@code user} and {@code password} may be null when the URL carries them.
     */
    public static PostgresDatabase open(String jdbcUrl, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setPoolName("parley-postgres");
        // Flyway holds two connections while it migrates.
        config.setMaximumPoolSize(Math.max(2, poolSize));
        config.setMinimumIdle(1);
        HikariDataSource pool = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/postgresql").load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new PostgresDatabase(pool, jdbcUrl, user, password);
    }

    @Override
    public DataSource readers() {
        return pool;
    }

    @Override
    public WriteQueue writes() {
        return writes;
    }

    @Override
    public CommittedMessages committedMessages() {
        return committedMessages;
    }

    /** A lease named {@code name}, held by one node of the cluster at a time (see {@link AdvisoryLease}). */
    public Lease lease(String name) {
        return new AdvisoryLease(jdbcUrl, user, password, name);
    }

    @Override
    public void close() {
        writes.close();
        pool.close();
    }
}
