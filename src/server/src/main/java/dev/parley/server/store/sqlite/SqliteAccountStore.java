package dev.parley.server.store.sqlite;

import static dev.parley.server.store.jdbc.Rows.instant;

import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.ProtocolException;
import dev.parley.server.store.AccountStore;
import dev.parley.server.store.SessionRecord;
import dev.parley.server.store.UserRecord;
import dev.parley.server.store.jdbc.Database;
import dev.parley.server.store.jdbc.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** {@link AccountStore} on the SQLite file. */
public final class SqliteAccountStore implements AccountStore {
    private static final String USER_SELECT = "SELECT u.id, u.password_hash, " + Profiles.COLUMNS + " FROM users u";
    private static final String SESSION_COLUMNS = "id, user_id, device, created_at, last_seen_at";

    private final Database db;

    public SqliteAccountStore(Database db) {
        this.db = db;
    }

    @Override
    public CompletableFuture<UserRecord> createUser(String handle, String displayName, String passwordHash,
            Instant now) {
        return db.writes().submit(c -> {
            if (Rows.one(c, "SELECT 1 FROM users WHERE handle = ?", row -> 1, handle).isPresent()) {
                throw new ProtocolException(ErrorCode.CONFLICT, "the handle @" + handle + " is taken");
            }
            long id = Rows.insert(c,
                    "INSERT INTO users (handle, display_name, password_hash, created_at) VALUES (?, ?, ?, ?)",
                    handle, displayName, passwordHash, now);
            return new UserRecord(id, handle, displayName, passwordHash, Instant.ofEpochMilli(now.toEpochMilli()));
        });
    }

    @Override
    public Optional<UserRecord> findByHandle(String handle) {
        return Rows.read(db.readers(), c -> Rows.one(c,
                USER_SELECT + " WHERE u.handle = ?", SqliteAccountStore::user, handle));
    }

    @Override
    public Optional<UserRecord> findById(long userId) {
        return Rows.read(db.readers(), c -> Rows.one(c,
                USER_SELECT + " WHERE u.id = ?", SqliteAccountStore::user, userId));
    }

    @Override
    public CompletableFuture<SessionRecord> createSession(long userId, byte[] tokenHash, String device, Instant now) {
        return db.writes().submit(c -> {
            long id = Rows.insert(c, "INSERT INTO sessions (user_id, token_hash, device, created_at, last_seen_at)"
                    + " VALUES (?, ?, ?, ?, ?)", userId, tokenHash, device, now, now);
            Instant at = Instant.ofEpochMilli(now.toEpochMilli());
            return new SessionRecord(id, userId, device, at, at);
        });
    }

    @Override
    public Optional<SessionRecord> findSession(byte[] tokenHash) {
        return Rows.read(db.readers(), c -> Rows.one(c,
                "SELECT " + SESSION_COLUMNS + " FROM sessions WHERE token_hash = ?", SqliteAccountStore::session,
                (Object) tokenHash));
    }

    @Override
    public List<SessionRecord> sessions(long userId) {
        return Rows.read(db.readers(), c -> Rows.list(c,
                "SELECT " + SESSION_COLUMNS + " FROM sessions WHERE user_id = ? ORDER BY id",
                SqliteAccountStore::session, userId));
    }

    @Override
    public CompletableFuture<Boolean> deleteSession(long userId, long sessionId) {
        return db.writes().submit(c ->
                Rows.update(c, "DELETE FROM sessions WHERE id = ? AND user_id = ?", sessionId, userId) == 1);
    }

    @Override
    public CompletableFuture<Void> touchSession(long sessionId, Instant now) {
        return db.writes().submit(c -> {
            Rows.update(c, "UPDATE sessions SET last_seen_at = ? WHERE id = ?", now, sessionId);
            return null;
        });
    }

    @Override
    public CompletableFuture<List<Long>> changePassword(long userId, String passwordHash, long keptSessionId) {
        return db.writes().submit(c -> {
            Rows.update(c, "UPDATE users SET password_hash = ? WHERE id = ?", passwordHash, userId);
            List<Long> others = Rows.list(c, "SELECT id FROM sessions WHERE user_id = ? AND id <> ?",
                    row -> row.getLong("id"), userId, keptSessionId);
            Rows.update(c, "DELETE FROM sessions WHERE user_id = ? AND id <> ?", userId, keptSessionId);
            return others;
        });
    }

    private static UserRecord user(ResultSet row) throws SQLException {
        var profile = Profiles.profile(row);
        return new UserRecord(row.getLong("id"), profile.handle(), profile.displayName(),
                row.getString("password_hash"), profile.createdAt(), profile.bio(), profile.tags(), profile.avatar());
    }

    private static SessionRecord session(ResultSet row) throws SQLException {
        return new SessionRecord(row.getLong("id"), row.getLong("user_id"), row.getString("device"),
                instant(row, "created_at"), instant(row, "last_seen_at"));
    }
}
