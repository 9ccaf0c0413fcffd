package dev.parley.server.store.sqlite;

import dev.parley.protocol.Limits;
import dev.parley.protocol.MediaItem;
import dev.parley.protocol.MediaRef;
import dev.parley.protocol.ProtocolException;
import dev.parley.server.store.MediaStore;
import dev.parley.server.store.jdbc.Database;
import dev.parley.server.store.jdbc.Rows;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** {@link MediaStore} on the SQLite file; also the media SQL that message reads and sends share. */
public final class SqliteMediaStore implements MediaStore {
    private static final String ITEM_SELECT = "SELECT md.sha256, md.mime, md.size, md.width, md.height FROM media md";
    /**
     * Uploaded by the user, or carried by a message (not unsent) in one of the user's conversations, as the
     * media itself, as its preview or as a sticker's image; in a group, a message within the seqs the member may see.
     */
    private static final String VISIBLE = "SELECT 1 FROM media_owners WHERE sha256 = ? AND user_id = ?"
            + " UNION ALL SELECT 1 FROM message_media mm"
            + " JOIN messages m ON m.conversation_id = mm.conversation_id AND m.seq = mm.seq"
            + " JOIN members me ON me.conversation_id = mm.conversation_id AND me.user_id = ?"
            + " WHERE (mm.sha256 = ? OR mm.thumb_sha256 = ?) AND m.unsent_at IS NULL"
            + " AND m.seq >= me.from_seq AND (me.until_seq IS NULL OR m.seq <= me.until_seq)"
            + " UNION ALL SELECT 1 FROM messages m"
            + " JOIN members me ON me.conversation_id = m.conversation_id AND me.user_id = ?"
            + " WHERE m.sticker_media = ? AND m.unsent_at IS NULL"
            + " AND m.seq >= me.from_seq AND (me.until_seq IS NULL OR m.seq <= me.until_seq) LIMIT 1";

    private final Database db;

    public SqliteMediaStore(Database db) {
        this.db = db;
    }

    @Override
    public Optional<MediaItem> find(String sha256) {
        return Rows.read(db.readers(), c -> Rows.one(c, ITEM_SELECT + " WHERE md.sha256 = ?",
                SqliteMediaStore::item, sha256));
    }

    @Override
    public boolean owns(long userId, String sha256) {
        return Rows.read(db.readers(), c -> Rows.one(c, "SELECT 1 FROM media_owners WHERE sha256 = ? AND user_id = ?",
                row -> 1, sha256, userId).isPresent());
    }

    @Override
    public boolean canSee(long userId, String sha256) {
        return Rows.read(db.readers(), c -> canSee(c, userId, sha256));
    }

    @Override
    public CompletableFuture<MediaItem> record(MediaItem item, long uploaderId, Instant now) {
        return db.writes().submit(c -> {
            Rows.update(c, "INSERT INTO media (sha256, mime, size, width, height, uploader, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", item.mediaId(), item.mime(), item.size(),
                    item.width(),
                    item.height(), uploaderId, now);
            Rows.update(c, "INSERT INTO media_owners (sha256, user_id, created_at) VALUES (?, ?, ?)"
                    + " ON CONFLICT DO NOTHING",
                    item.mediaId(), uploaderId, now);
            return Rows.one(c, ITEM_SELECT + " WHERE md.sha256 = ?", SqliteMediaStore::item, item.mediaId())
                    .orElseThrow();
        });
    }

    static boolean canSee(Connection c, long userId, String sha256) throws SQLException {
        return Rows.one(c, VISIBLE, row -> 1, sha256, userId, userId, sha256, sha256, userId, sha256)
                .isPresent();
    }

    /**
     * {@code not_found} for media (or a preview) the sender may not see, so nobody learns which hashes exist;
     * {@code bad_request} for a preview that is not a small image.
     */
    static void requireUsable(Connection c, long senderId, List<MediaRef> media) throws SQLException {
        for (MediaRef ref : media) {
            if (!canSee(c, senderId, ref.mediaId())
                    || ref.thumbnailId() != null && !canSee(c, senderId, ref.thumbnailId())) {
                throw ProtocolException.notFound("no such media");
            }
            if (ref.thumbnailId() != null) {
                MediaItem preview = Rows.one(c, ITEM_SELECT + " WHERE md.sha256 = ?", SqliteMediaStore::item,
                        ref.thumbnailId()).orElseThrow(() -> ProtocolException.notFound("no such media"));
                if (preview.width() == null || preview.height() == null
                        || preview.width() > Limits.MAX_THUMBNAIL_SIDE || preview.height() > Limits.MAX_THUMBNAIL_SIDE) {
                    throw ProtocolException.badRequest("a thumbnail must be an image of at most "
                            + Limits.MAX_THUMBNAIL_SIDE + " × " + Limits.MAX_THUMBNAIL_SIDE + " pixels");
                }
            }
        }
    }

    /**
     * An imported sticker's image: media the sender may see ({@code not_found} otherwise, as for any media), and a
     * PNG, GIF or JPEG of at most {@value Limits#MAX_STICKER_SIDE} px a side and {@value Limits#MAX_STICKER_BYTES}
     * bytes ({@code bad_request}). The upload itself was checked like any photo: magic bytes, header, one decode.
     */
    static void requireStickerImage(Connection c, long senderId, String sha256) throws SQLException {
        if (!canSee(c, senderId, sha256)) {
            throw ProtocolException.notFound("no such media");
        }
        MediaItem image = Rows.one(c, ITEM_SELECT + " WHERE md.sha256 = ?", SqliteMediaStore::item, sha256)
                .orElseThrow(() -> ProtocolException.notFound("no such media"));
        if (!image.mime().startsWith("image/") || image.width() == null || image.height() == null
                || image.width() > Limits.MAX_STICKER_SIDE || image.height() > Limits.MAX_STICKER_SIDE
                || image.size() > Limits.MAX_STICKER_BYTES) {
            throw ProtocolException.badRequest("a sticker must be a picture of at most " + Limits.MAX_STICKER_SIDE
                    + " × " + Limits.MAX_STICKER_SIDE + " pixels and " + Limits.MAX_STICKER_BYTES + " bytes");
        }
    }

    /** Links media (and their previews) to a newly stored message, in order, inside the send's transaction. */
    static List<MediaItem> attach(Connection c, long conversationId, long seq, List<MediaRef> media)
            throws SQLException {
        for (int i = 0; i < media.size(); i++) {
            Rows.update(c, "INSERT INTO message_media (conversation_id, seq, position, sha256, thumb_sha256)"
                    + " VALUES (?, ?, ?, ?, ?)", conversationId, seq, i, media.get(i).mediaId(),
                    media.get(i).thumbnailId());
        }
        return of(c, conversationId, seq);
    }

    /** The media of one message, in order, each with its preview if it has one. */
    static List<MediaItem> of(Connection c, long conversationId, long seq) throws SQLException {
        List<String[]> rows = Rows.list(c, "SELECT sha256, thumb_sha256 FROM message_media"
                + " WHERE conversation_id = ? AND seq = ? ORDER BY position",
                row -> new String[] {row.getString(1), row.getString(2)}, conversationId, seq);
        java.util.ArrayList<MediaItem> items = new java.util.ArrayList<>();
        for (String[] ids : rows) {
            MediaItem item = Rows.one(c, ITEM_SELECT + " WHERE md.sha256 = ?", SqliteMediaStore::item, ids[0])
                    .orElseThrow();
            MediaItem preview = ids[1] == null ? null
                    : Rows.one(c, ITEM_SELECT + " WHERE md.sha256 = ?", SqliteMediaStore::item, ids[1]).orElse(null);
            items.add(new MediaItem(item.mediaId(), item.mime(), item.size(), item.width(), item.height(), preview));
        }
        return items;
    }

    /** Unlinks an unsent message's media: like its text, they are gone for good from the conversation. */
    static void detach(Connection c, long conversationId, long seq) throws SQLException {
        Rows.update(c, "DELETE FROM message_media WHERE conversation_id = ? AND seq = ?", conversationId, seq);
    }

    private static MediaItem item(ResultSet row) throws SQLException {
        int width = row.getInt("width");
        Integer w = row.wasNull() ? null : width;
        int height = row.getInt("height");
        Integer h = row.wasNull() ? null : height;
        return new MediaItem(row.getString("sha256"), row.getString("mime"), row.getLong("size"), w, h);
    }
}
