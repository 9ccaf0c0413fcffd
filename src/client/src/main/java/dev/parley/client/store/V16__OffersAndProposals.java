package dev.parley.client.store;

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
 * Cache migration 16: offers and collaboration proposals. A message keeps the offer or proposal it carries (JSON),
 * {@code proposal_status} each proposal's status as the server last told it (a status only ever leaves pending,
 * once, so an older "pending" never overwrites an answer), and the server's {@code proposal_update} events are
 * kept like other events. SQLite cannot widen the kind CHECK in place, so {@code messages} is rebuilt as V9 did;
 * in Java, to copy the table, its indexes and the search index's triggers as they stand rather than restate them.
 */
public final class V16__OffersAndProposals extends BaseJavaMigration {
    /** The list of kinds in the CHECK of messages.kind, whatever other migrations added to it. */
    private static final Pattern KINDS = Pattern.compile(
            "(CHECK\\s*\\(\\s*kind\\s+IN\\s*\\()([^)]*)\\)", Pattern.CASE_INSENSITIVE);

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            String table = all(s, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'messages'").get(0);
            List<String> dependents = all(s, "SELECT sql FROM sqlite_master WHERE type IN ('index', 'trigger')"
                    + " AND tbl_name = 'messages' AND sql IS NOT NULL ORDER BY type");
            s.execute(widened(table).replaceFirst(
                    "(?i)^CREATE TABLE\\s+(\"messages\"|messages|'messages'|`messages`)", "CREATE TABLE messages_new"));
            // Rowids (local_id) stay the same, so the external-content search index still matches its rows.
            s.execute("INSERT INTO messages_new SELECT * FROM messages");
            s.execute("DROP TABLE messages");
            s.execute("ALTER TABLE messages_new RENAME TO messages");
            for (String sql : dependents) {
                s.execute(sql);
            }
            s.execute("ALTER TABLE messages ADD COLUMN offer TEXT");
            s.execute("ALTER TABLE messages ADD COLUMN proposal TEXT");
            s.execute("CREATE TABLE proposal_status ("
                    + " conversation_id INTEGER NOT NULL,"
                    + " seq             INTEGER NOT NULL,"
                    + " status          TEXT    NOT NULL,"
                    + " status_at       INTEGER,"
                    + " PRIMARY KEY (conversation_id, seq))");
        }
    }

    /** The table's definition with 'proposal_update' among the allowed kinds. */
    static String widened(String table) {
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
