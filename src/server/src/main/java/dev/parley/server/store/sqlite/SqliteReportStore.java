package dev.parley.server.store.sqlite;

import static dev.parley.server.store.jdbc.Rows.instant;

import dev.parley.protocol.Limits;
import dev.parley.protocol.Message;
import dev.parley.protocol.MessageKind;
import dev.parley.protocol.ReportReason;
import dev.parley.protocol.UserProfile;
import dev.parley.server.store.ReportEvidence;
import dev.parley.server.store.ReportRecord;
import dev.parley.server.store.ReportStore;
import dev.parley.server.store.jdbc.Database;
import dev.parley.server.store.jdbc.Rows;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** {@link ReportStore} on the SQLite file. */
public final class SqliteReportStore implements ReportStore {
    private static final String REPORT_SELECT = "SELECT r.id, r.created_at, r.conversation_id, r.reason, r.note,"
            + " r.status, r.resolution, r.resolved_at, r.reported_name,"
            + " me.handle AS reporter_handle, me.display_name AS reporter_name, me.created_at AS reporter_since,"
            + " them.handle AS reported_handle, them.created_at AS reported_since,"
            + " (SELECT COUNT(*) FROM report_messages m WHERE m.report_id = r.id) AS message_count"
            + " FROM reports r JOIN users me ON me.id = r.reporter_id JOIN users them ON them.id = r.reported_id";

    private final Database db;

    public SqliteReportStore(Database db) {
        this.db = db;
    }

    @Override
    public CompletableFuture<Optional<ReportEvidence>> file(Filing filing, Instant now) {
        return db.writes().submit(c -> {
            Long conversationId = filing.conversationId();
            if (conversationId != null && !isDirectBetween(c, conversationId, filing.reporterId(),
                    filing.reportedId())) {
                return Optional.empty();
            }
            String reportedName = Rows.one(c, "SELECT display_name FROM users WHERE id = ?", row -> row.getString(1),
                    filing.reportedId()).orElseThrow();
            long id = Rows.insert(c, "INSERT INTO reports (reporter_id, reported_id, reported_name, conversation_id,"
                    + " reason, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", filing.reporterId(),
                    filing.reportedId(), reportedName, conversationId, filing.reason().wireName(), filing.note(), now);
            if (conversationId != null) {
                // A copy, not a reference: the evidence must not change when the messages do.
                // Tombstones are bookkeeping, not messages; an unsent message stays, marked, without its text.
                Rows.update(c, "INSERT INTO report_messages (report_id, seq, sender, client_id, text, sent_at, unsent)"
                        + " SELECT ?, m.seq, u.handle, m.client_id, m.text, m.sent_at,"
                        + " CASE WHEN m.unsent_at IS NULL THEN 0 ELSE 1 END"
                        + " FROM messages m JOIN users u ON u.id = m.sender_id"
                        + " WHERE m.conversation_id = ? AND m.kind = 'text'"
                        + " ORDER BY m.seq DESC LIMIT ?", id, conversationId, Limits.REPORT_EVIDENCE_MESSAGES);
            }
            if (filing.block()) {
                SqliteSocialStore.block(c, filing.reporterId(), filing.reportedId(), now);
            }
            return find(c, id);
        });
    }

    private static boolean isDirectBetween(Connection c, long conversationId, long one, long other)
            throws SQLException {
        return one != other && Rows.one(c, "SELECT 1 FROM direct_pairs WHERE conversation_id = ? AND user_lo = ?"
                + " AND user_hi = ?", row -> 1, conversationId, Math.min(one, other), Math.max(one, other))
                .isPresent();
    }

    @Override
    public List<ReportRecord> list(boolean includeResolved) {
        String where = includeResolved ? "" : " WHERE r.status = 'OPEN'";
        return Rows.read(db.readers(), c -> Rows.list(c, REPORT_SELECT + where + " ORDER BY r.id",
                SqliteReportStore::report));
    }

    @Override
    public Optional<ReportEvidence> find(long reportId) {
        return Rows.read(db.readers(), c -> find(c, reportId));
    }

    private static Optional<ReportEvidence> find(Connection c, long reportId) throws SQLException {
        Optional<ReportRecord> report = Rows.one(c, REPORT_SELECT + " WHERE r.id = ?", SqliteReportStore::report,
                reportId);
        if (report.isEmpty()) {
            return Optional.empty();
        }
        long conversationId = report.get().conversationId() == null ? 0 : report.get().conversationId();
        List<Message> messages = Rows.list(c, "SELECT seq, sender, client_id, text, sent_at, unsent"
                + " FROM report_messages WHERE report_id = ? ORDER BY seq", row -> new Message(conversationId,
                        row.getLong("seq"), row.getString("sender"), UUID.fromString(row.getString("client_id")),
                        row.getString("text"), instant(row, "sent_at"), MessageKind.TEXT, null,
                        row.getInt("unsent") == 1), reportId);
        return Optional.of(new ReportEvidence(report.get(), messages));
    }

    @Override
    public CompletableFuture<Boolean> resolve(long reportId, String resolution, Instant now) {
        return db.writes().submit(c -> Rows.update(c, "UPDATE reports SET status = 'RESOLVED', resolution = ?,"
                + " resolved_at = ? WHERE id = ? AND status = 'OPEN'", resolution, now, reportId) == 1);
    }

    private static ReportRecord report(ResultSet row) throws SQLException {
        long conversationId = row.getLong("conversation_id");
        long resolvedAt = row.getLong("resolved_at");
        boolean resolved = !row.wasNull();
        return new ReportRecord(row.getLong("id"), instant(row, "created_at"),
                new UserProfile(row.getString("reporter_handle"), row.getString("reporter_name"),
                        instant(row, "reporter_since")),
                new UserProfile(row.getString("reported_handle"), row.getString("reported_name"),
                        instant(row, "reported_since")),
                conversationId == 0 ? null : conversationId, ReportReason.fromWire(row.getString("reason")),
                row.getString("note"), row.getInt("message_count"),
                ReportRecord.Status.valueOf(row.getString("status")), row.getString("resolution"),
                resolved ? Instant.ofEpochMilli(resolvedAt) : null);
    }
}
