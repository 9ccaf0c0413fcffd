package dev.parley.client.store;

import dev.parley.protocol.MediaItem;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/** The {@code message_media} table: the photos, GIFs and videos of messages, and the outbox's pending uploads. */
final class MediaRows {
    private final CacheSql jdbc;

    MediaRows(CacheSql jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a message's media; a pending file the outbox kept for an item (or its thumbnail) stays. */
    void record(String sender, UUID clientId, List<OutboxMedia> media) {
        for (int i = 0; i < media.size(); i++) {
            MediaItem item = media.get(i).item();
            MediaItem thumb = item.thumbnail();
            update("INSERT INTO message_media (sender, client_id, position, media_id, mime, size, width, height,"
                            + " pending_path, thumb_id, thumb_mime, thumb_size, thumb_width, thumb_height,"
                            + " thumb_pending_path) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                            + " ON CONFLICT (sender, client_id, position) DO UPDATE SET media_id = excluded.media_id,"
                            + " mime = excluded.mime, size = excluded.size, width = excluded.width,"
                            + " height = excluded.height, pending_path = COALESCE(excluded.pending_path, pending_path),"
                            + " thumb_id = excluded.thumb_id, thumb_mime = excluded.thumb_mime,"
                            + " thumb_size = excluded.thumb_size, thumb_width = excluded.thumb_width,"
                            + " thumb_height = excluded.thumb_height,"
                            + " thumb_pending_path = COALESCE(excluded.thumb_pending_path, thumb_pending_path)",
                    sender, clientId.toString(), i, item.mediaId(), item.mime(), item.size(), item.width(),
                    item.height(), path(media.get(i).pending()), thumb == null ? null : thumb.mediaId(),
                    thumb == null ? null : thumb.mime(), thumb == null ? null : thumb.size(),
                    thumb == null ? null : thumb.width(), thumb == null ? null : thumb.height(),
                    path(media.get(i).thumbnailPending()));
        }
    }

    List<OutboxMedia> of(String sender, UUID clientId) {
        return jdbc.query("SELECT * FROM message_media WHERE sender = ? AND client_id = ? ORDER BY position",
                row -> {
                    String thumbId = row.getString("thumb_id");
                    MediaItem thumb = thumbId == null ? null : new MediaItem(thumbId, row.getString("thumb_mime"),
                            row.getLong("thumb_size"), (Integer) row.getObject("thumb_width"),
                            (Integer) row.getObject("thumb_height"));
                    return new OutboxMedia(new MediaItem(row.getString("media_id"), row.getString("mime"),
                            row.getLong("size"), (Integer) row.getObject("width"), (Integer) row.getObject("height"),
                            thumb), file(row.getString("pending_path")), file(row.getString("thumb_pending_path")));
                }, sender, clientId.toString());
    }

    void clearPending(String sender, UUID clientId) {
        update("UPDATE message_media SET pending_path = NULL, thumb_pending_path = NULL WHERE sender = ?"
                + " AND client_id = ?", sender,
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

    private static String path(Path file) {
        return file == null ? null : file.toString();
    }

    private static Path file(String path) {
        return path == null ? null : Path.of(path);
    }

    private int update(String sql, Object... params) {
        return jdbc.update(sql, params);
    }
}
