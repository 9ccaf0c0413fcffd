package dev.parley.server.store.jdbc;

import dev.parley.server.store.CommittedMessages;
import javax.sql.DataSource;

/**
 * Where the JDBC stores keep their data: a pool of connections for reads and the single writer that runs every
 * write transaction. SQLite ({@code SqliteDatabase}) and PostgreSQL ({@code PostgresDatabase}) both provide one;
 * the stores write SQL both understand, and ask {@link Rows#dialect} for the few places where they differ.
 */
public interface Database extends AutoCloseable {
    DataSource readers();

    WriteQueue writes();

    /** Where the stores announce each message once it has committed (the after-commit step of its write). */
    CommittedMessages committedMessages();

    /** Commits what is queued, then closes all connections. */
    @Override
    void close();
}
