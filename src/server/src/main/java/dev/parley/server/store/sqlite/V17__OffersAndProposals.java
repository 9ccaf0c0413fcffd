package dev.parley.server.store.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    /** The list of kinds in the CHECK of messages.kind, whatever other migrations added to it. */
    private static final Pattern KINDS = Pattern.compile(
            "(CHECK\\s*\\(\\s*kind\\s+IN\\s*\\()([^)]*)\\)", Pattern.CASE_INSENSITIVE);

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            String table = one(s, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'messages'");
            List<String> indexes = all(s, "SELECT sql FROM sqlite_master WHERE type IN ('index', 'trigger')"
                    + " AND tbl_name = 'messages' AND sql IS NOT NULL");
            String rebuilt = widened(table)
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

    /** The table's definition with 'proposal_update' among the allowed kinds. */
    public static String widened(String table) {
        Matcher kinds = KINDS.matcher(table);
        if (!kinds.find()) {
            throw new IllegalStateException("messages has no kind constraint to widen: " + table);
        }
        if (kinds.group(2).contains("'proposal_update'")) {
            return table;
        }
        return table.substring(0, kinds.start()) + kinds.group(1) + kinds.group(2) + ", 'proposal_update')"
                + table.substring(kinds.end());
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
