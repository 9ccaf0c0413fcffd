package dev.parley.server.store.sqlite;

import dev.parley.protocol.ConversationSummary;
import dev.parley.protocol.GroupInfo;
import dev.parley.protocol.GroupRole;
import dev.parley.protocol.Message;
import dev.parley.server.store.jdbc.Rows;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/** How the SQLite stores read a group's summary, as one of its members (current or former) sees it. */
final class GroupRows {
    private GroupRows() {
    }

    /** A row of the conversation store's summary select whose conversation is a group. */
    static ConversationSummary summary(Connection c, ResultSet row) throws SQLException {
        long id = row.getLong("id");
        long fromSeq = row.getLong("from_seq");
        long until = row.getLong("until_seq");
        boolean left = !row.wasNull();
        long lastSeq = left ? until : row.getLong("last_seq");
        GroupInfo info = Rows.one(c, "SELECT g.title, g.description, g.avatar_hash,"
                + " (SELECT COUNT(*) FROM members m WHERE m.conversation_id = g.conversation_id AND m.until_seq IS NULL)"
                + " FROM groups g WHERE g.conversation_id = ?",
                g -> new GroupInfo(g.getString(1), g.getString(2), g.getString(3), g.getInt(4),
                        left ? null : GroupRole.fromWire(row.getString("role")), !left && row.getBoolean("muted"),
                        left, Math.max(fromSeq, 1)), id).orElseThrow();
        Message last = Rows.one(c, SqliteConversationStore.MESSAGE_SELECT + " WHERE m.conversation_id = ?"
                + " AND m.kind = 'text' AND m.seq >= ? AND m.seq <= ? ORDER BY m.seq DESC LIMIT 1",
                newest -> SqliteConversationStore.message(c, newest), id, fromSeq, lastSeq).orElse(null);
        return new ConversationSummary(id, null, lastSeq, row.getLong("read_seq"), row.getInt("unread"), last,
                false, null, info);
    }
}
