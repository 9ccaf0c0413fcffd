package dev.parley.client.store;

import dev.parley.protocol.MediaItem;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The {@code message_media} table: the photos, GIFs and videos of messages, and the outbox's pending uploads. */
final class MediaRows {
    private final Connection db;

    MediaRows(Connection db) {
        this.db = db;
    }

    /** Records a message's media as the server names it; a pending file the outbox kept for it stays. */
    void record(String sender, UUID clientId, List<MediaItem> media, List<Path> pending) {
        for (int i = 0; i < media.size(); i++) {
            MediaItem item = media.get(i);
            Path file = pending == null ? null : pending.get(i);
            update("INSERT INTO message_media (sender, client_id, position, media_id, mime, size, width, height,"
                            + " pending_path) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                            + " ON CONFLICT (sender, client_id, position) DO UPDATE SET media_id = excluded.media_id,"
                            + " mime = excluded.mime, size = excluded.size, width = excluded.width,"
                            + " height = excluded.height, pending_path = COALESCE(excluded.pending_path, pending_path)",
                    sender, clientId.toString(), i, item.mediaId(), item.mime(), item.size(), item.width(),
                    item.height(), file == null ? null : file.toString());
        }
    }

    List<OutboxMedia> of(String sender, UUID clientId) {
        List<OutboxMedia> items = new ArrayList<>();
        try (PreparedStatement statement = prepare("SELECT * FROM message_media WHERE sender = ? AND client_id = ?"
                + " ORDER BY position", sender, clientId.toString()); ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                Integer width = (Integer) row.getObject("width");
                Integer height = (Integer) row.getObject("height");
                String pending = row.getString("pending_path");
                items.add(new OutboxMedia(new MediaItem(row.getString("media_id"), row.getString("mime"),
                        row.getLong("size"), width, height), pending == null ? null : Path.of(pending)));
            }
            return items;
        } catch (SQLException e) {
            throw new StoreException("cannot read the media of message " + clientId, e);
        }
    }

    void clearPending(String sender, UUID clientId) {
        update("UPDATE message_media SET pending_path = NULL WHERE sender = ? AND client_id = ?", sender,
                clientId.toString());
    }

    void delete(String sender, UUID clientId) {
        update("DELETE FROM message_media WHERE sender = ? AND client_id = ?", sender, clientId.toString());
    }

    /** Forgets the media of the message at {@code seq} (unsent, or deleted on this device). */
    void deleteAt(long conversationId, long seq) {
        update("DELETE FROM message_media WHERE (sender, client_id) IN (SELECT sender, client_id FROM messages"
                + " WHERE conversation_id = ? AND seq = ?)", conversationId, seq);
    }

    void deleteConversation(long conversationId) {
        update("DELETE FROM message_media WHERE (sender, client_id) IN (SELECT sender, client_id FROM messages"
                + " WHERE conversation_id = ?)", conversationId);
    }

    private int update(String sql, Object... params) {
        try (PreparedStatement statement = prepare(sql, params)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("local cache update failed: " + sql, e);
        }
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement statement = db.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
        return statement;
    }
}
