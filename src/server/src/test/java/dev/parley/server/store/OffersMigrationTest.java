package dev.parley.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.store.sqlite.SqliteDatabase;
import dev.parley.server.store.sqlite.V17__OffersAndProposals;
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

/** Migration 17 rebuilds messages to allow proposal events: every column, index and reference survives it. */
class OffersMigrationTest {
    @TempDir
    Path dataDir;

    @Test
    void messagesTheirLaterColumnsAndIndexesSurviveTheRebuild() throws Exception {
        String url = "jdbc:sqlite:" + dataDir.resolve(SqliteDatabase.FILE_NAME);
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("15").load()
                .migrate();
        try (Connection c = DriverManager.getConnection(url); Statement sql = c.createStatement()) {
            sql.execute("INSERT INTO users (id, handle, display_name, password_hash, created_at) VALUES"
                    + " (1, 'alice', 'Alice', 'x', 0), (2, 'bob', 'Bob', 'x', 0)");
            sql.execute("INSERT INTO conversations (id, kind, last_seq, last_activity_at, created_at)"
                    + " VALUES (5, 'direct', 2, 10, 0)");
            sql.execute("INSERT INTO members (conversation_id, user_id, joined_at) VALUES (5, 1, 0), (5, 2, 0)");
            sql.execute("INSERT INTO messages (conversation_id, seq, sender_id, client_id, text, sent_at, pinned_at,"
                    + " sticker_pack, sticker_id) VALUES (5, 1, 1, 'c1', 'hello', 1, 7, 'moods', 'joy')");
            sql.execute("INSERT INTO reactions (conversation_id, seq, user_id, emoji, reacted_at)"
                    + " VALUES (5, 1, 2, '👍', 3)");
        }

        SqliteDatabase.open(dataDir, 1).close();

        try (Connection c = DriverManager.getConnection(url); Statement sql = c.createStatement()) {
            assertThat(rows(sql, "SELECT seq || ':' || text || ':' || pinned_at || ':' || sticker_id FROM messages"))
                    .containsExactly("1:hello:7:joy");
            assertThat(rows(sql, "SELECT emoji FROM reactions")).containsExactly("👍");
            assertThat(rows(sql, "PRAGMA foreign_key_check")).isEmpty();
            assertThat(rows(sql, "SELECT name FROM sqlite_schema WHERE tbl_name = 'messages' AND type = 'index'"
                    + " AND sql IS NOT NULL ORDER BY name")).as("the indexes from before the rebuild; later ones add more")
                    .contains("one_tombstone_per_message", "pinned_messages", "sticker_media");
            sql.execute("INSERT INTO messages (conversation_id, seq, sender_id, client_id, text, sent_at, kind,"
                    + " target_seq) VALUES (5, 2, 2, 'c2', 'accepted', 2, 'proposal_update', 1)");
            assertThat(rows(sql, "SELECT sql FROM sqlite_schema WHERE sql LIKE '%\\_new%' ESCAPE '\\'")).isEmpty();
        }
    }

    @Test
    void kindsAddedByAnotherMigrationStayAllowed() {
        String table = "CREATE TABLE \"messages\" (kind TEXT NOT NULL DEFAULT 'text' CHECK (kind IN ('text',"
                + " 'poll_update', 'broadcast_note')), text TEXT)";

        String widened = V17__OffersAndProposals.widened(table);

        assertThat(widened).contains("CHECK (kind IN ('text', 'poll_update', 'broadcast_note', 'proposal_update'))")
                .endsWith(", text TEXT)");
        assertThat(V17__OffersAndProposals.widened(widened)).isEqualTo(widened);
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
