package dev.parley.server.store.sqlite;

import dev.parley.server.store.InsightsStore;
import dev.parley.server.store.jdbc.Database;
import dev.parley.server.store.jdbc.Rows;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link InsightsStore} on the SQLite file. Each query walks only the user's own conversations, by the index on
 * (conversation, time) of V18, so its cost follows the user's messages in the period, not the whole table.
 */
public final class SqliteInsightsStore implements InsightsStore {
    /** Messages a person wrote; the other kinds are events about messages or about a group. */
    private static final String COUNTED = " IN ('text', 'poll')";
    private static final String NOT_WITH_ONESELF = " NOT EXISTS (SELECT 1 FROM direct_pairs p"
            + " WHERE p.conversation_id = mb.conversation_id AND p.user_lo = p.user_hi)";

    private final Database db;

    public SqliteInsightsStore(Database db) {
        this.db = db;
    }

    @Override
    public List<Bucket> messageCounts(long userId, Instant from, Instant to) {
        // A member sees others' messages between the line that added them and the one that removed them; direct
        // conversations have the whole range.
        String sql = "SELECT m.sent_at / " + BUCKET_MILLIS + " AS bucket,"
                + " CASE WHEN m.sender_id = ? THEN 1 ELSE 0 END AS mine, COUNT(*)"
                + " FROM members mb JOIN messages m ON m.conversation_id = mb.conversation_id"
                + " WHERE mb.user_id = ? AND m.sent_at >= ? AND m.sent_at < ? AND m.kind" + COUNTED
                + " AND m.unsent_at IS NULL"
                + " AND (m.sender_id = ? OR (m.seq >= mb.from_seq AND (mb.until_seq IS NULL OR m.seq <= mb.until_seq)))"
                + " AND" + NOT_WITH_ONESELF
                + " GROUP BY bucket, mine";
        return Rows.read(db.readers(), c -> {
            Map<Long, int[]> buckets = new TreeMap<>();
            for (long[] row : Rows.list(c, sql, r -> new long[] {r.getLong(1), r.getLong(2), r.getLong(3)},
                    userId, userId, from, to, userId)) {
                buckets.computeIfAbsent(row[0], b -> new int[2])[row[1] == 1 ? 0 : 1] += (int) row[2];
            }
            return buckets.entrySet().stream().map(e -> new Bucket(Instant.ofEpochMilli(e.getKey() * BUCKET_MILLIS),
                    e.getValue()[0], e.getValue()[1])).toList();
        });
    }

    @Override
    public List<Start> conversationsStarted(long userId, Instant from, Instant to) {
        // Each correlated sub-select walks one conversation in seq order and stops at its first match.
        String sql = "WITH firsts AS (SELECT mb.conversation_id AS cid,"
                + " (SELECT m.seq FROM messages m WHERE m.conversation_id = mb.conversation_id AND m.kind" + COUNTED
                + " AND m.unsent_at IS NULL ORDER BY m.seq LIMIT 1) AS seq"
                + " FROM members mb JOIN conversations c ON c.id = mb.conversation_id"
                + " WHERE mb.user_id = ? AND c.kind = 'direct' AND c.created_at < ? AND" + NOT_WITH_ONESELF + ")"
                + " SELECT f.cid, CASE WHEN m.sender_id = ? THEN 1 ELSE 0 END, m.sent_at,"
                + " (SELECT r.sent_at FROM messages r WHERE r.conversation_id = f.cid AND r.sender_id = ?"
                + " AND r.kind" + COUNTED + " AND r.unsent_at IS NULL ORDER BY r.seq LIMIT 1)"
                + " FROM firsts f JOIN messages m ON m.conversation_id = f.cid AND m.seq = f.seq"
                + " WHERE m.sent_at >= ? AND m.sent_at < ? ORDER BY m.sent_at";
        return Rows.read(db.readers(), c -> Rows.list(c, sql, r -> {
            Object replied = r.getObject(4);
            return new Start(r.getLong(1), r.getInt(2) == 1, Instant.ofEpochMilli(r.getLong(3)),
                    replied == null ? null : Instant.ofEpochMilli(((Number) replied).longValue()));
        }, userId, to, userId, userId, from, to));
    }

    @Override
    public Decisions requestDecisions(long userId, Instant from, Instant to) {
        return Rows.read(db.readers(), c -> {
            Map<String, Integer> counts = new java.util.HashMap<>();
            for (Object[] row : Rows.list(c, "SELECT request_decision, COUNT(*) FROM members WHERE user_id = ?"
                    + " AND request_decided_at >= ? AND request_decided_at < ? GROUP BY request_decision",
                    r -> new Object[] {r.getString(1), r.getInt(2)}, userId, from, to)) {
                counts.put((String) row[0], (Integer) row[1]);
            }
            return new Decisions(counts.getOrDefault("ACCEPTED", 0), counts.getOrDefault("DECLINED", 0));
        });
    }
}
