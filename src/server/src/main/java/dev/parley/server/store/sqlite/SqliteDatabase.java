package dev.parley.server.store.sqlite;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.parley.server.store.jdbc.Database;
import dev.parley.server.store.jdbc.StatementCache;
import dev.parley.server.store.CommittedMessages;
import dev.parley.server.store.jdbc.WriteQueue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The SQLite database file: migrated by Flyway on open, in WAL mode with {@code synchronous=FULL} so a
 * committed transaction survives a crash. One connection writes (through the {@link WriteQueue}); a small
 * pool of connections serves reads concurrently, which WAL allows. (The pool's connections are not opened
 * read-only: HikariCP resets the flag, which sqlite-jdbc refuses once connected.)
 */
public final class SqliteDatabase implements Database {
    public static final String FILE_NAME = "parley.db";

    private final HikariDataSource readers;
    private final WriteQueue writes;
    private final CommittedMessages committedMessages = new CommittedMessages();

    private SqliteDatabase(HikariDataSource readers, WriteQueue writes) {
        this.readers = readers;
        this.writes = writes;
    }

    public static SqliteDatabase open(Path dataDir, int readerPoolSize) throws IOException, SQLException {
        Files.createDirectories(dataDir);
        String url = "jdbc:sqlite:" + dataDir.resolve(FILE_NAME).toAbsolutePath();

        // Migrations run with foreign keys off, as SQLite requires for rebuilding a table that others reference
        // (V8); every connection that serves the application enforces them.
        Flyway.configure().dataSource(dataSource(url, false)).locations("classpath:db/migration")
                .javaMigrations(new V17__OffersAndProposals()).load().migrate();
        SQLiteDataSource writerSource = dataSource(url, true);

        Connection writer = StatementCache.wrap(writerSource.getConnection(), 256);
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(dataSource(url, true));
        pool.setPoolName("parley-readers");
        pool.setMaximumPoolSize(readerPoolSize);
        pool.setMinimumIdle(1);
        return new SqliteDatabase(new HikariDataSource(pool), new WriteQueue(writer, 10_000, "parley-store"));
    }

    private static SQLiteDataSource dataSource(String url, boolean foreignKeys) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(foreignKeys);
        config.setBusyTimeout(10_000);
        // Unsent text is overwritten in the file, not merely unlinked.
        config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl(url);
        return source;
    }

    @Override
    public DataSource readers() {
        return readers;
    }

    @Override
    public WriteQueue writes() {
        return writes;
    }

    @Override
    public CommittedMessages committedMessages() {
        return committedMessages;
    }

    /** Commits what is queued, then closes all connections. */
    @Override
    public void close() {
        writes.close();
        readers.close();
    }
}
