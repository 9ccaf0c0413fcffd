package dev.parley.server.store.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Server migration 17: offers and collaboration proposals. A message row may carry an {@code offer} or a
 * {@code proposal} (JSON of their content); {@code proposals} holds each proposal's status; and messages may be of
 * kind {@code proposal_update}. SQLite cannot widen a CHECK constraint in place, so {@code messages} is rebuilt the
 * way V8 did it. This step is Java rather than SQL because it copies the table's definition as it stands (every
 * column and index added by earlier migrations) instead of restating it, and only widens the list of kinds.
 */
public final class V17__OffersAndProposals extends BaseJavaMigration {
    private static final String KINDS = "'poll', 'poll_update')";
    private static final String WIDER_KINDS = "'poll', 'poll_update', 'proposal_update')";

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            String table = one(s, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'messages'");
            List<String> indexes = all(s, "SELECT sql FROM sqlite_master WHERE type IN ('index', 'trigger')"
                    + " AND tbl_name = 'messages' AND sql IS NOT NULL");
            if (!table.contains(KINDS)) {
                throw new IllegalStateException("messages has an unexpected kind constraint: " + table);
            }
            String rebuilt = table.replace(KINDS, WIDER_KINDS)
                    .replaceFirst("(?i)^CREATE TABLE\\s+(\"messages\"|messages|'messages'|`messages`)",
                            "CREATE TABLE messages_new");
            s.execute(rebuilt);
            s.execute("INSERT INTO messages_new SELECT * FROM messages");
            s.execute("DROP TABLE messages");
            s.execute("ALTER TABLE messages_new RENAME TO messages");
            for (String index : indexes) {
                s.execute(index);
            }
            // The content of an offer or a proposal, as JSON; an unsent message loses it like its text.
            s.execute("ALTER TABLE messages ADD COLUMN offer TEXT");
            s.execute("ALTER TABLE messages ADD COLUMN proposal TEXT");
            // Where each proposal stands; its sender and recipient are kept so "my proposals" is one look-up.
            s.execute("CREATE TABLE proposals ("
                    + " conversation_id INTEGER NOT NULL,"
                    + " seq             INTEGER NOT NULL,"
                    + " sender_id       INTEGER NOT NULL REFERENCES users (id),"
                    + " recipient_id    INTEGER NOT NULL REFERENCES users (id),"
                    + " status          TEXT    NOT NULL DEFAULT 'pending'"
                    + "     CHECK (status IN ('pending', 'accepted', 'declined', 'withdrawn')),"
                    + " status_at       INTEGER,"
                    + " PRIMARY KEY (conversation_id, seq),"
                    + " FOREIGN KEY (conversation_id, seq) REFERENCES messages (conversation_id, seq))");
            s.execute("CREATE INDEX proposals_by_sender ON proposals (sender_id)");
            s.execute("CREATE INDEX proposals_by_recipient ON proposals (recipient_id)");
        }
    }

    private static String one(Statement s, String sql) throws SQLException {
        List<String> rows = all(s, sql);
        if (rows.size() != 1) {
            throw new IllegalStateException("expected one row from: " + sql);
        }
        return rows.get(0);
    }

    private static List<String> all(Statement s, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                rows.add(r.getString(1));
            }
        }
        return rows;
    }
}
