package dev.parley.server.store.sqlite;

import dev.parley.protocol.Reaction;
import dev.parley.server.store.jdbc.Rows;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code reactions} table: one emoji per person per message, aggregated per emoji for the wire. */
final class Reactions {
    private Reactions() {
    }

    /** The message's reactions, emoji in the order they were first used, people in the order they reacted. */
    static List<Reaction> of(Connection c, long conversationId, long seq) throws SQLException {
        Map<String, List<String>> byEmoji = new LinkedHashMap<>();
        for (String[] row : Rows.list(c, "SELECT r.emoji, u.handle FROM reactions r JOIN users u ON u.id = r.user_id"
                + " WHERE r.conversation_id = ? AND r.seq = ? ORDER BY r.reacted_at, r.user_id",
                r -> new String[] {r.getString(1), r.getString(2)}, conversationId, seq)) {
            byEmoji.computeIfAbsent(row[0], emoji -> new ArrayList<>()).add(row[1]);
        }
        return byEmoji.entrySet().stream().map(entry -> new Reaction(entry.getKey(), entry.getValue())).toList();
    }

    /** The user's reaction to the message, or null. */
    static String current(Connection c, long conversationId, long seq, long userId) throws SQLException {
        return Rows.one(c, "SELECT emoji FROM reactions WHERE conversation_id = ? AND seq = ? AND user_id = ?",
                row -> row.getString(1), conversationId, seq, userId).orElse(null);
    }

    /** Sets (or with null removes) the user's reaction. */
    static void set(Connection c, long conversationId, long seq, long userId, String emoji, java.time.Instant now)
            throws SQLException {
        if (emoji == null) {
            Rows.update(c, "DELETE FROM reactions WHERE conversation_id = ? AND seq = ? AND user_id = ?",
                    conversationId, seq, userId);
        } else {
            Rows.update(c, "INSERT INTO reactions (conversation_id, seq, user_id, emoji, reacted_at)"
                    + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (conversation_id, seq, user_id)"
                    + " DO UPDATE SET emoji = excluded.emoji, reacted_at = excluded.reacted_at",
                    conversationId, seq, userId, emoji, now);
        }
    }
}
