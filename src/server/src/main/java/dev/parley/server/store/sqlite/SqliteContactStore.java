package dev.parley.server.store.sqlite;

import dev.parley.protocol.ContactCard;
import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Limits;
import dev.parley.protocol.ProtocolException;
import dev.parley.protocol.Request;
import dev.parley.protocol.Segment;
import dev.parley.server.store.ContactStore;
import dev.parley.server.store.jdbc.Database;
import dev.parley.server.store.jdbc.Rows;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** {@link ContactStore} on the SQLite file. */
public final class SqliteContactStore implements ContactStore {
    private static final String SEGMENT_SELECT = "SELECT id, name, labels, friends_only, messaged_within_days"
            + " FROM segments";

    private final Database db;

    public SqliteContactStore(Database db) {
        this.db = db;
    }

    @Override
    public ContactCard card(long ownerId, long contactId) {
        return Rows.read(db.readers(), c -> card(c, ownerId, contactId));
    }

    /** The owner's card of a contact, with when that contact opted out of the owner's broadcasts. */
    static ContactCard card(Connection c, long ownerId, long contactId) throws SQLException {
        String handle = Rows.one(c, "SELECT handle FROM users WHERE id = ?", r -> r.getString(1), contactId)
                .orElseThrow();
        List<String> labels = Rows.list(c, "SELECT label FROM contact_labels WHERE owner_id = ? AND contact_id = ?"
                + " ORDER BY label", r -> r.getString(1), ownerId, contactId);
        String note = Rows.one(c, "SELECT note FROM contact_notes WHERE owner_id = ? AND contact_id = ?",
                r -> r.getString(1), ownerId, contactId).orElse("");
        Instant optedOut = Rows.one(c, "SELECT created_at FROM broadcast_opt_outs WHERE sender_id = ?"
                + " AND recipient_id = ?", r -> Rows.instant(r, "created_at"), ownerId, contactId).orElse(null);
        return new ContactCard(handle, labels, note, optedOut);
    }

    @Override
    public CompletableFuture<ContactCard> setCard(long ownerId, long contactId, List<String> labels, String note) {
        return db.writes().submit(c -> {
            Rows.update(c, "DELETE FROM contact_labels WHERE owner_id = ? AND contact_id = ?", ownerId, contactId);
            for (String label : labels) {
                Rows.update(c, "INSERT INTO contact_labels (owner_id, contact_id, label) VALUES (?, ?, ?)",
                        ownerId, contactId, label);
            }
            if (note.isEmpty()) {
                Rows.update(c, "DELETE FROM contact_notes WHERE owner_id = ? AND contact_id = ?", ownerId, contactId);
            } else {
                Rows.update(c, "INSERT INTO contact_notes (owner_id, contact_id, note) VALUES (?, ?, ?)"
                        + " ON CONFLICT (owner_id, contact_id) DO UPDATE SET note = excluded.note",
                        ownerId, contactId, note);
            }
            return card(c, ownerId, contactId);
        });
    }

    @Override
    public List<String> labels(long ownerId) {
        return Rows.read(db.readers(), c -> Rows.list(c, "SELECT label FROM contact_labels WHERE owner_id = ?"
                + " GROUP BY label ORDER BY COUNT(*) DESC, label", r -> r.getString(1), ownerId));
    }

    @Override
    public List<Segment> segments(long ownerId) {
        return Rows.read(db.readers(), c -> segments(c, ownerId));
    }

    private static List<Segment> segments(Connection c, long ownerId) throws SQLException {
        return Rows.list(c, SEGMENT_SELECT + " WHERE owner_id = ? ORDER BY lower(name), id",
                SqliteContactStore::segment, ownerId);
    }

    /** The owner's segment; {@code not_found} for one that does not exist or is someone else's. */
    static Segment segment(Connection c, long ownerId, long id) throws SQLException {
        Optional<Segment> found = Rows.one(c, SEGMENT_SELECT + " WHERE id = ? AND owner_id = ?",
                SqliteContactStore::segment, id, ownerId);
        return found.orElseThrow(() -> ProtocolException.notFound("no such segment"));
    }

    @Override
    public CompletableFuture<Segment> saveSegment(long ownerId, Request.SegmentSave s, Instant now) {
        return db.writes().submit(c -> {
            boolean taken = Rows.one(c, "SELECT 1 FROM segments WHERE owner_id = ? AND name = ? AND id != ?",
                    r -> 1, ownerId, s.name(), s.id() == null ? 0L : s.id()).isPresent();
            if (taken) {
                throw new ProtocolException(ErrorCode.CONFLICT, "you already have a segment called " + s.name());
            }
            String labels = String.join(" ", s.labels());
            if (s.id() == null) {
                if (segments(c, ownerId).size() >= Limits.MAX_SEGMENTS) {
                    throw new ProtocolException(ErrorCode.CONFLICT, "you have " + Limits.MAX_SEGMENTS
                            + " segments; delete one first");
                }
                long id = Rows.insert(c, "INSERT INTO segments (owner_id, name, labels, friends_only,"
                        + " messaged_within_days, updated_at) VALUES (?, ?, ?, ?, ?, ?)", ownerId, s.name(), labels,
                        s.friendsOnly() ? 1 : 0, s.messagedWithinDays(), now);
                return segment(c, ownerId, id);
            }
            int changed = Rows.update(c, "UPDATE segments SET name = ?, labels = ?, friends_only = ?,"
                    + " messaged_within_days = ?, updated_at = ? WHERE id = ? AND owner_id = ?", s.name(), labels,
                    s.friendsOnly() ? 1 : 0, s.messagedWithinDays(), now, s.id(), ownerId);
            if (changed == 0) {
                throw ProtocolException.notFound("no such segment");
            }
            return segment(c, ownerId, s.id());
        });
    }

    @Override
    public CompletableFuture<Void> deleteSegment(long ownerId, long id) {
        return db.writes().submit(c -> {
            if (Rows.update(c, "DELETE FROM segments WHERE id = ? AND owner_id = ?", id, ownerId) == 0) {
                throw ProtocolException.notFound("no such segment");
            }
            return null;
        });
    }

    private static Segment segment(ResultSet row) throws SQLException {
        String labels = row.getString("labels");
        int days = row.getInt("messaged_within_days");
        Integer within = row.wasNull() ? null : days;
        return new Segment(row.getLong("id"), row.getString("name"),
                labels.isEmpty() ? List.of() : Arrays.asList(labels.split(" ")), row.getBoolean("friends_only"),
                within);
    }
}
