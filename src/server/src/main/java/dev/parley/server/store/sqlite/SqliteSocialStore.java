package dev.parley.server.store.sqlite;

import dev.parley.protocol.DmPolicy;
import dev.parley.protocol.PresenceVisibility;
import dev.parley.protocol.ProtocolException;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
import dev.parley.protocol.UserProfile;
import dev.parley.server.social.MemberState;
import dev.parley.server.store.SocialStore;
import dev.parley.server.store.UserRef;
import dev.parley.server.store.jdbc.Database;
import dev.parley.server.store.jdbc.Rows;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** {@link SocialStore} on the SQLite file. */
public final class SqliteSocialStore implements SocialStore {
    private final Database db;

    public SqliteSocialStore(Database db) {
        this.db = db;
    }

    @Override
    public CompletableFuture<Void> follow(long followerId, long followeeId, Instant now) {
        return write(c -> Rows.update(c, "INSERT INTO follows (follower_id, followee_id, created_at)"
                + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING", followerId, followeeId, now));
    }

    @Override
    public CompletableFuture<Void> unfollow(long followerId, long followeeId) {
        return write(c -> Rows.update(c, "DELETE FROM follows WHERE follower_id = ? AND followee_id = ?",
                followerId, followeeId));
    }

    @Override
    public CompletableFuture<Void> block(long blockerId, long blockedId, Instant now) {
        return write(c -> block(c, blockerId, blockedId, now));
    }

    /** Blocks inside the caller's transaction; also ends following in both directions (no longer friends). */
    static int block(Connection c, long blockerId, long blockedId, Instant now) throws SQLException {
        // A message being sent between them right now either commits first or reads this block (see lock()).
        SqliteConversationStore.lockDirect(c, blockerId, blockedId);
        Rows.update(c, "INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES (?, ?, ?)"
                + " ON CONFLICT DO NOTHING",
                blockerId, blockedId, now);
        return Rows.update(c, "DELETE FROM follows WHERE (follower_id = ? AND followee_id = ?)"
                + " OR (follower_id = ? AND followee_id = ?)", blockerId, blockedId, blockedId, blockerId);
    }

    @Override
    public CompletableFuture<Void> unblock(long blockerId, long blockedId) {
        return write(c -> Rows.update(c, "DELETE FROM blocks WHERE blocker_id = ? AND blocked_id = ?",
                blockerId, blockedId));
    }

    @Override
    public List<UserProfile> blocked(long blockerId) {
        return Rows.read(db.readers(), c -> Rows.list(c, "SELECT " + Profiles.COLUMNS + " FROM blocks b"
                + " JOIN users u ON u.id = b.blocked_id WHERE b.blocker_id = ? ORDER BY u.handle",
                Profiles::profile, blockerId));
    }

    @Override
    public List<UserProfile> search(long viewerId, String query, int offset, int limit) {
        return PeopleSearch.byName(db.readers(), viewerId, query, offset, limit);
    }

    @Override
    public List<UserProfile> searchTag(long viewerId, String tag, int offset, int limit) {
        return PeopleSearch.byTag(db.readers(), viewerId, tag, offset, limit);
    }

    @Override
    public boolean blocks(long blockerId, long blockedId) {
        return Rows.read(db.readers(), c -> blocks(c, blockerId, blockedId));
    }

    static boolean blocks(Connection c, long blockerId, long blockedId) throws SQLException {
        return Rows.one(c, "SELECT 1 FROM blocks WHERE blocker_id = ? AND blocked_id = ?", row -> 1,
                blockerId, blockedId).isPresent();
    }

    static boolean follows(Connection c, long followerId, long followeeId) throws SQLException {
        return Rows.one(c, "SELECT 1 FROM follows WHERE follower_id = ? AND followee_id = ?", row -> 1,
                followerId, followeeId).isPresent();
    }

    static DmPolicy dmPolicy(Connection c, long userId) throws SQLException {
        return DmPolicy.fromWire(Rows.one(c, "SELECT dm_policy FROM users WHERE id = ?", row -> row.getString(1),
                userId).orElseThrow());
    }

    @Override
    public Reply.Relationship relationship(long viewerId, long otherId, String otherHandle) {
        return Rows.read(db.readers(), c -> {
            boolean following = follows(c, viewerId, otherId);
            boolean followedBy = follows(c, otherId, viewerId);
            return new Reply.Relationship(otherHandle, following, followedBy, following && followedBy,
                    blocks(c, viewerId, otherId));
        });
    }

    @Override
    public Reply.Privacy privacy(long userId) {
        return Rows.read(db.readers(), c -> privacy(c, userId));
    }

    private static Reply.Privacy privacy(Connection c, long userId) throws SQLException {
        return Rows.one(c, "SELECT dm_policy, read_receipts, presence FROM users WHERE id = ?",
                row -> new Reply.Privacy(DmPolicy.fromWire(row.getString(1)), row.getInt(2) == 1,
                        PresenceVisibility.fromWire(row.getString(3))), userId).orElseThrow();
    }

    @Override
    public CompletableFuture<Reply.Privacy> setPrivacy(long userId, Request.PrivacySet change) {
        return db.writes().submit(c -> {
            Rows.update(c, "UPDATE users SET dm_policy = COALESCE(?, dm_policy),"
                    + " read_receipts = COALESCE(?, read_receipts), presence = COALESCE(?, presence) WHERE id = ?",
                    change.dmPolicy() == null ? null : change.dmPolicy().wireName(),
                    change.readReceipts() == null ? null : change.readReceipts() ? 1 : 0,
                    change.presence() == null ? null : change.presence().wireName(), userId);
            return privacy(c, userId);
        });
    }

    @Override
    public List<UserProfile> friends(long userId) {
        return Rows.read(db.readers(), c -> Rows.list(c, "SELECT " + Profiles.COLUMNS + " FROM follows a"
                + " JOIN follows b ON b.follower_id = a.followee_id AND b.followee_id = a.follower_id"
                + " JOIN users u ON u.id = a.followee_id WHERE a.follower_id = ? ORDER BY u.handle",
                Profiles::profile, userId));
    }

    @Override
    public List<UserRef> presenceAudience(long userId) {
        return Rows.read(db.readers(), c -> Rows.list(c, "SELECT u.id, u.handle FROM users me"
                + " JOIN follows a ON a.follower_id = me.id JOIN follows b ON b.follower_id = a.followee_id"
                + "  AND b.followee_id = me.id JOIN users u ON u.id = a.followee_id"
                + " WHERE me.id = ? AND me.presence = 'friends' AND u.presence = 'friends' ORDER BY u.handle",
                row -> new UserRef(row.getLong(1), row.getString(2)), userId));
    }

    @Override
    public boolean sharesReceipts(long userId, long otherId) {
        return Rows.read(db.readers(), c -> sharesReceipts(c, userId, otherId));
    }

    /** Both turned read receipts on, and neither blocked the other. */
    static boolean sharesReceipts(Connection c, long userId, long otherId) throws SQLException {
        return userId != otherId && Rows.one(c, "SELECT 1 FROM users a JOIN users b ON b.id = ?"
                + " WHERE a.id = ? AND a.read_receipts = 1 AND b.read_receipts = 1", row -> 1, otherId, userId)
                .isPresent() && !blocks(c, userId, otherId) && !blocks(c, otherId, userId);
    }

    @Override
    public CompletableFuture<Void> decideRequest(long conversationId, long userId, boolean accept, Instant now) {
        return write(c -> {
            String decision = (accept ? MemberState.ACCEPTED : MemberState.DECLINED).name();
            int changed = Rows.update(c, "UPDATE members SET state = ?, request_decision = ?, request_decided_at = ?"
                    + " WHERE conversation_id = ? AND user_id = ? AND state = ?", decision, decision, now,
                    conversationId, userId, MemberState.REQUEST.name());
            if (changed == 0) {
                throw ProtocolException.notFound("no such message request");
            }
            return changed;
        });
    }

    private CompletableFuture<Void> write(dev.parley.server.store.jdbc.WriteQueue.Write<Integer> write) {
        return db.writes().submit(write).thenApply(changed -> null);
    }
}
