package dev.parley.server.store.sqlite;

import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Limits;
import dev.parley.protocol.ProtocolException;
import dev.parley.protocol.QuickReply;
import dev.parley.server.store.QuickReplyStore;
import dev.parley.server.store.jdbc.Database;
import dev.parley.server.store.jdbc.Rows;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** {@link QuickReplyStore} on the SQLite file. */
public final class SqliteQuickReplyStore implements QuickReplyStore {
    private final Database db;

    public SqliteQuickReplyStore(Database db) {
        this.db = db;
    }

    @Override
    public List<QuickReply> list(long ownerId) {
        return Rows.read(db.readers(), c -> list(c, ownerId));
    }

    private static List<QuickReply> list(Connection c, long ownerId) throws SQLException {
        return Rows.list(c, "SELECT id, name, text FROM quick_replies WHERE owner_id = ? ORDER BY position, id",
                row -> new QuickReply(row.getLong(1), row.getString(2), row.getString(3)), ownerId);
    }

    @Override
    public CompletableFuture<QuickReply> save(long ownerId, Long id, String name, String text, Instant now) {
        return db.writes().submit(c -> {
            boolean taken = Rows.one(c, "SELECT 1 FROM quick_replies WHERE owner_id = ? AND name = ? AND id != ?",
                    row -> 1, ownerId, name, id == null ? 0L : id).isPresent();
            if (taken) {
                throw new ProtocolException(ErrorCode.CONFLICT, "you already have a quick reply called /" + name);
            }
            if (id == null) {
                List<QuickReply> existing = list(c, ownerId);
                if (existing.size() >= Limits.MAX_QUICK_REPLIES) {
                    throw new ProtocolException(ErrorCode.CONFLICT, "you have " + Limits.MAX_QUICK_REPLIES
                            + " quick replies; delete one first");
                }
                long created = Rows.insert(c, "INSERT INTO quick_replies (owner_id, name, text, position, updated_at)"
                        + " VALUES (?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM quick_replies"
                        + " WHERE owner_id = ?), ?)", ownerId, name, text, ownerId, now);
                return new QuickReply(created, name, text);
            }
            int changed = Rows.update(c, "UPDATE quick_replies SET name = ?, text = ?, updated_at = ? WHERE id = ?"
                    + " AND owner_id = ?", name, text, now, id, ownerId);
            if (changed == 0) {
                throw ProtocolException.notFound("no such quick reply");
            }
            return new QuickReply(id, name, text);
        });
    }

    @Override
    public CompletableFuture<Void> delete(long ownerId, long id) {
        return db.writes().submit(c -> {
            if (Rows.update(c, "DELETE FROM quick_replies WHERE id = ? AND owner_id = ?", id, ownerId) == 0) {
                throw ProtocolException.notFound("no such quick reply");
            }
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> order(long ownerId, List<Long> ids) {
        return db.writes().submit(c -> {
            List<Long> mine = Rows.list(c, "SELECT id FROM quick_replies WHERE owner_id = ?", row -> row.getLong(1),
                    ownerId);
            if (mine.size() != ids.size() || !new HashSet<>(mine).equals(new HashSet<>(ids))) {
                throw ProtocolException.badRequest("'ids' must list each of your quick replies once");
            }
            for (int i = 0; i < ids.size(); i++) {
                Rows.update(c, "UPDATE quick_replies SET position = ? WHERE id = ?", i + 1, ids.get(i));
            }
            return null;
        });
    }

    @Override
    public Map<String, String> fields(long ownerId, long contactId) {
        return Rows.read(db.readers(), c -> {
            Map<String, String> fields = new LinkedHashMap<>();
            for (String[] row : Rows.list(c, "SELECT name, value FROM contact_fields WHERE owner_id = ?"
                    + " AND contact_id = ? ORDER BY name", r -> new String[] {r.getString(1), r.getString(2)},
                    ownerId, contactId)) {
                fields.put(row[0], row[1]);
            }
            return fields;
        });
    }

    @Override
    public CompletableFuture<Void> setFields(long ownerId, long contactId, Map<String, String> fields) {
        return db.writes().submit(c -> {
            Rows.update(c, "DELETE FROM contact_fields WHERE owner_id = ? AND contact_id = ?", ownerId, contactId);
            for (Map.Entry<String, String> field : fields.entrySet()) {
                Rows.update(c, "INSERT INTO contact_fields (owner_id, contact_id, name, value) VALUES (?, ?, ?, ?)",
                        ownerId, contactId, field.getKey(), field.getValue());
            }
            return null;
        });
    }
}
