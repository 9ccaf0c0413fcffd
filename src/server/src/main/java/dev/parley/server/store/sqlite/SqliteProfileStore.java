package dev.parley.server.store.sqlite;

import dev.parley.server.store.ProfileStore;
import dev.parley.server.store.jdbc.Database;
import dev.parley.server.store.jdbc.Rows;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** {@link ProfileStore} on the SQLite file. */
public final class SqliteProfileStore implements ProfileStore {
    private final Database db;

    public SqliteProfileStore(Database db) {
        this.db = db;
    }

    @Override
    public CompletableFuture<Void> update(long userId, String displayName, String bio, List<String> tags) {
        return db.writes().submit(c -> {
            Rows.update(c, "UPDATE users SET display_name = COALESCE(CAST(? AS TEXT), display_name),"
                    + " bio = CASE WHEN CAST(? AS TEXT) IS NULL THEN bio ELSE NULLIF(?, '') END WHERE id = ?",
                    displayName, bio, bio, userId);
            if (tags != null) {
                Rows.update(c, "DELETE FROM user_tags WHERE user_id = ?", userId);
                for (String tag : tags) {
                    Rows.update(c, "INSERT INTO user_tags (user_id, tag) VALUES (?, ?)", userId, tag);
                }
            }
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> setPicture(long userId, Picture picture, Instant now) {
        return db.writes().submit(c -> {
            String old = Rows.one(c, "SELECT COALESCE(avatar_hash, '') FROM users WHERE id = ?",
                    row -> row.getString(1), userId).filter(hash -> !hash.isEmpty()).orElse(null);
            if (picture != null) {
                Rows.update(c, "INSERT INTO avatars (hash, mime, bytes, created_at) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT DO NOTHING",
                        picture.hash(), picture.mime(), picture.bytes(), now);
            }
            Rows.update(c, "UPDATE users SET avatar_hash = ? WHERE id = ?",
                    picture == null ? null : picture.hash(), userId);
            dropUnused(c, old);
            return null;
        });
    }

    /** A picture nobody (no person, no group) uses any more is deleted, so a removed picture is really gone. */
    static void dropUnused(Connection c, String hash) throws SQLException {
        if (hash != null) {
            Rows.update(c, "DELETE FROM avatars WHERE hash = ? AND NOT EXISTS (SELECT 1 FROM users WHERE avatar_hash = ?)"
                    + " AND NOT EXISTS (SELECT 1 FROM groups WHERE avatar_hash = ?)", hash, hash, hash);
        }
    }

    @Override
    public Optional<Picture> picture(String hash) {
        return Rows.read(db.readers(), c -> Rows.one(c, "SELECT hash, mime, bytes FROM avatars WHERE hash = ?",
                row -> new Picture(row.getString(1), row.getString(2), row.getBytes(3)), hash));
    }

    @Override
    public Counts counts(long userId) {
        return Rows.read(db.readers(), c -> Rows.one(c,
                "SELECT (SELECT COUNT(*) FROM follows WHERE followee_id = ?),"
                        + " (SELECT COUNT(*) FROM follows WHERE follower_id = ?)",
                row -> new Counts(row.getInt(1), row.getInt(2)), userId, userId).orElseThrow());
    }
}
