package dev.parley.client.store;

import dev.parley.protocol.Reaction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code reactions} table: who put which emoji on a message, in the order they did. */
final class ReactionRows {
    private final CacheSql jdbc;

    ReactionRows(CacheSql jdbc) {
        this.jdbc = jdbc;
    }

    /** A reaction event: {@code handle}'s reaction to message {@code seq} is now {@code emoji} (null: none). */
    void set(long conversationId, long seq, String handle, String emoji) {
        jdbc.update("DELETE FROM reactions WHERE conversation_id = ? AND seq = ? AND handle = ?", conversationId, seq,
                handle);
        if (emoji != null) {
            jdbc.update("INSERT INTO reactions (conversation_id, seq, handle, emoji, position) VALUES (?, ?, ?, ?,"
                    + " (SELECT COALESCE(MAX(position), 0) + 1 FROM reactions WHERE conversation_id = ? AND seq = ?))",
                    conversationId, seq, handle, emoji, conversationId, seq);
        }
    }

    /** The reactions a message carried when the server sent it, replacing what this device had. */
    void replace(long conversationId, long seq, List<Reaction> reactions) {
        jdbc.update("DELETE FROM reactions WHERE conversation_id = ? AND seq = ?", conversationId, seq);
        int position = 0;
        for (Reaction reaction : reactions) {
            for (String handle : reaction.handles()) {
                jdbc.update("INSERT OR REPLACE INTO reactions (conversation_id, seq, handle, emoji, position)"
                        + " VALUES (?, ?, ?, ?, ?)", conversationId, seq, handle, reaction.emoji(), ++position);
            }
        }
    }

    /** Grouped per emoji, emoji in the order first used, people in the order they reacted. */
    List<Reaction> of(long conversationId, long seq) {
        Map<String, List<String>> byEmoji = new LinkedHashMap<>();
        for (String[] row : jdbc.query("SELECT emoji, handle FROM reactions WHERE conversation_id = ? AND seq = ?"
                + " ORDER BY position", r -> new String[] {r.getString(1), r.getString(2)}, conversationId, seq)) {
            byEmoji.computeIfAbsent(row[0], emoji -> new ArrayList<>()).add(row[1]);
        }
        return byEmoji.entrySet().stream().map(entry -> new Reaction(entry.getKey(), entry.getValue())).toList();
    }

    void deleteConversation(long conversationId) {
        jdbc.update("DELETE FROM reactions WHERE conversation_id = ?", conversationId);
    }
}
