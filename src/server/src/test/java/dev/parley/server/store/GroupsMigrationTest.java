package dev.parley.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.store.sqlite.SqliteDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The groups migration rebuilds two tables that others reference: what was stored before survives it intact. */
class GroupsMigrationTest {
    @TempDir
    Path dataDir;

    @Test
    void directConversationsMessagesAndTheirReferencesSurviveTheRebuild() throws Exception {
        String url = "jdbc:sqlite:" + dataDir.resolve(SqliteDatabase.FILE_NAME);
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("7").load()
                .migrate();
        try (Connection c = DriverManager.getConnection(url); Statement sql = c.createStatement()) {
            sql.execute("PRAGMA foreign_keys = ON");
            sql.execute("INSERT INTO users (id, handle, display_name, password_hash, created_at) VALUES"
                    + " (1, 'alice', 'Alice', 'x', 0), (2, 'bob', 'Bob', 'x', 0)");
            sql.execute("INSERT INTO conversations (id, kind, last_seq, last_activity_at, created_at)"
                    + " VALUES (5, 'direct', 2, 10, 0)");
            sql.execute("INSERT INTO direct_pairs (user_lo, user_hi, conversation_id) VALUES (1, 2, 5)");
            sql.execute("INSERT INTO members (conversation_id, user_id, joined_at) VALUES (5, 1, 0), (5, 2, 0)");
            sql.execute("INSERT INTO messages (conversation_id, seq, sender_id, client_id, text, sent_at) VALUES"
                    + " (5, 1, 1, 'c1', 'hello', 1)");
            sql.execute("INSERT INTO messages (conversation_id, seq, sender_id, client_id, text, sent_at, kind,"
                    + " target_seq) VALUES (5, 2, 1, 'c2', '', 2, 'unsend', 1)");
            sql.execute("INSERT INTO media (sha256, mime, size, uploader, created_at) VALUES ('ab', 'image/png', 1, 1, 0)");
            sql.execute("INSERT INTO message_media (conversation_id, seq, position, sha256) VALUES (5, 1, 0, 'ab')");
        }

        SqliteDatabase.open(dataDir, 1).close();

        try (Connection c = DriverManager.getConnection(url); Statement sql = c.createStatement()) {
            assertThat(rows(sql, "SELECT kind || ':' || last_seq FROM conversations")).containsExactly("direct:2");
            assertThat(rows(sql, "SELECT seq || ':' || kind || ':' || text FROM messages ORDER BY seq"))
                    .containsExactly("1:text:hello", "2:unsend:");
            assertThat(rows(sql, "PRAGMA foreign_key_check")).isEmpty();
            assertThat(rows(sql, "SELECT sql FROM sqlite_schema WHERE sql LIKE '%\\_new%' ESCAPE '\\'")).isEmpty();
            assertThat(rows(sql, "SELECT name FROM sqlite_schema WHERE type = 'index' AND name = 'one_tombstone_per_message'"))
                    .hasSize(1);
            sql.execute("PRAGMA foreign_keys = ON");
            assertThat(rows(sql, "SELECT COALESCE(role, 'none') || ':' || from_seq FROM members"))
                    .containsExactly("none:0", "none:0");
        }
    }

    private static List<String> rows(Statement sql, String query) throws Exception {
        List<String> rows = new ArrayList<>();
        try (ResultSet result = sql.executeQuery(query)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }
}
