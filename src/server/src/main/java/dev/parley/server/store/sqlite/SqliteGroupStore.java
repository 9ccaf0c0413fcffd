package dev.parley.server.store.sqlite;

import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.GroupAction;
import dev.parley.protocol.GroupChange;
import dev.parley.protocol.GroupRole;
import dev.parley.protocol.Limits;
import dev.parley.protocol.Message;
import dev.parley.protocol.MessageKind;
import dev.parley.protocol.ProtocolException;
import dev.parley.protocol.Reply;
import dev.parley.server.store.Appended;
import dev.parley.server.store.CommittedMessages;
import dev.parley.server.store.GroupStore;
import dev.parley.server.store.ProfileStore;
import dev.parley.server.store.jdbc.Database;
import dev.parley.server.store.jdbc.Rows;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** {@link GroupStore} on the SQLite file. Roles are checked inside each write's transaction. */
public final class SqliteGroupStore implements GroupStore {
    private static final String MEMBER_SELECT = "SELECT " + Profiles.COLUMNS + ", me.role, me.muted, me.joined_at"
            + " FROM members me JOIN users u ON u.id = me.user_id";

    private final Database db;

    public SqliteGroupStore(Database db) {
        this.db = db;
    }

    /** A current member someone acts on. */
    private record Target(long id, String handle, GroupRole role) {
    }

    /** Once a group write has committed: its lines, in seq order, to {@link CommittedMessages}. */
    private void announce(GroupWrite write) {
        write.lines().forEach(db.committedMessages());
    }

    @Override
    public CompletableFuture<GroupWrite> create(long ownerId, UUID clientId, String title, String description,
            List<String> handles, Instant now) {
        return db.writes().submit(c -> {
            Optional<Message> original = Rows.one(c, SqliteConversationStore.MESSAGE_SELECT
                    + " WHERE m.sender_id = ? AND m.client_id = ?", row -> SqliteConversationStore.message(c, row),
                    ownerId, clientId.toString());
            if (original.isPresent()) {
                Message first = original.get();
                if (first.kind() != MessageKind.SYSTEM || first.change().action() != GroupAction.CREATED) {
                    throw new ProtocolException(ErrorCode.CONFLICT,
                            "this clientId was already used for a message in another conversation");
                }
                return new GroupWrite(first.conversationId(), List.of());
            }
            GroupAdmission.Screened screened = GroupAdmission.screen(c, ownerId, handles, null);
            long id = Rows.insert(c, "INSERT INTO conversations (kind, last_activity_at, created_at)"
                    + " VALUES ('group', ?, ?)", now, now);
            Rows.update(c, "INSERT INTO groups (conversation_id, title, description, created_by) VALUES (?, ?, ?, ?)",
                    id, title, description, ownerId);
            join(c, id, ownerId, GroupRole.OWNER, 0, now);
            for (long member : screened.ids()) {
                join(c, id, member, GroupRole.MEMBER, 0, now);
            }
            Message line = line(c, id, ownerId, clientId,
                    new GroupChange(GroupAction.CREATED, screened.handles(), title, description), now);
            return new GroupWrite(id, List.of(delivered(c, line)), screened.handles(), screened.refused());
        }, this::announce);
    }

    @Override
    public CompletableFuture<GroupWrite> add(long conversationId, long actorId, List<String> handles, Instant now) {
        return db.writes().submit(c -> {
            manager(c, conversationId, actorId, "add people");
            GroupAdmission.Screened screened = GroupAdmission.screen(c, actorId, handles, conversationId);
            if (screened.ids().isEmpty()) {
                return new GroupWrite(conversationId, List.of(), List.of(), screened.refused());
            }
            int members = SqliteConversationStore.memberIds(c, conversationId).size();
            if (members + screened.ids().size() > Limits.MAX_GROUP_MEMBERS) {
                throw ProtocolException.badRequest("a group has at most " + Limits.MAX_GROUP_MEMBERS
                        + " members; this one has " + members);
            }
            Message line = line(c, conversationId, actorId, UUID.randomUUID(),
                    new GroupChange(GroupAction.ADDED, screened.handles()), now);
            // They see the group from the line that added them on, not what was said before; the line reaches them.
            for (long member : screened.ids()) {
                join(c, conversationId, member, GroupRole.MEMBER, line.seq(), now);
            }
            return new GroupWrite(conversationId, List.of(delivered(c, line)), screened.handles(), screened.refused());
        }, this::announce);
    }

    @Override
    public CompletableFuture<GroupWrite> remove(long conversationId, long actorId, String handle, Instant now) {
        return db.writes().submit(c -> {
            GroupRole role = manager(c, conversationId, actorId, "remove people");
            Target target = target(c, conversationId, handle);
            if (target.id() == actorId) {
                throw ProtocolException.badRequest("to leave the group, use group.leave");
            }
            requireOutranks(role, target, "remove");
            Message line = line(c, conversationId, actorId, UUID.randomUUID(),
                    new GroupChange(GroupAction.REMOVED, List.of(target.handle())), now);
            List<Long> audience = new ArrayList<>(SqliteConversationStore.memberIds(c, conversationId));
            end(c, conversationId, target.id(), line.seq());
            return new GroupWrite(conversationId, List.of(new Appended(line, false, audience)));
        }, this::announce);
    }

    @Override
    public CompletableFuture<GroupWrite> leave(long conversationId, long userId, Instant now) {
        return db.writes().submit(c -> {
            GroupRole role = groupMember(c, conversationId, userId).role();
            Message left = line(c, conversationId, userId, UUID.randomUUID(), new GroupChange(GroupAction.LEFT,
                    List.of()), now);
            List<Appended> lines = new ArrayList<>();
            lines.add(delivered(c, left));
            end(c, conversationId, userId, left.seq());
            if (role == GroupRole.OWNER) {
                // The longest-standing admin, else the longest-standing member, becomes the owner.
                Optional<Target> heir = Rows.one(c, "SELECT me.user_id, u.handle FROM members me"
                        + " JOIN users u ON u.id = me.user_id WHERE me.conversation_id = ? AND me.until_seq IS NULL"
                        + " ORDER BY me.role = 'admin' DESC, me.from_seq, me.joined_at, me.user_id LIMIT 1",
                        row -> new Target(row.getLong(1), row.getString(2), GroupRole.OWNER), conversationId);
                if (heir.isPresent()) {
                    Rows.update(c, "UPDATE members SET role = 'owner', muted = 0 WHERE conversation_id = ?"
                            + " AND user_id = ?", conversationId, heir.get().id());
                    Message owner = line(c, conversationId, userId, UUID.randomUUID(),
                            new GroupChange(GroupAction.OWNER, List.of(heir.get().handle())), now);
                    lines.add(delivered(c, owner));
                }
            }
            return new GroupWrite(conversationId, lines);
        }, this::announce);
    }

    @Override
    public CompletableFuture<GroupWrite> setRole(long conversationId, long actorId, String handle, GroupRole role,
            Instant now) {
        return db.writes().submit(c -> {
            GroupRole actorRole = manager(c, conversationId, actorId, "change roles");
            Target target = target(c, conversationId, handle);
            if (target.id() == actorId) {
                throw ProtocolException.badRequest("you cannot change your own role");
            }
            requireOutranks(actorRole, target, "change the role of");
            if (target.role() == role) {
                return new GroupWrite(conversationId, List.of());
            }
            Rows.update(c, "UPDATE members SET role = ? WHERE conversation_id = ? AND user_id = ?", role.wireName(),
                    conversationId, target.id());
            GroupAction action = role == GroupRole.ADMIN ? GroupAction.PROMOTED : GroupAction.DEMOTED;
            Message line = line(c, conversationId, actorId, UUID.randomUUID(),
                    new GroupChange(action, List.of(target.handle())), now);
            return new GroupWrite(conversationId, List.of(delivered(c, line)));
        }, this::announce);
    }

    @Override
    public CompletableFuture<GroupWrite> update(long conversationId, long actorId, String title, String description,
            Instant now) {
        return db.writes().submit(c -> {
            manager(c, conversationId, actorId, "change the group");
            String[] old = Rows.one(c, "SELECT title, description FROM groups WHERE conversation_id = ?",
                    row -> new String[] {row.getString(1), row.getString(2)}, conversationId).orElseThrow();
            List<Appended> lines = new ArrayList<>();
            if (title != null && !title.equals(old[0])) {
                Rows.update(c, "UPDATE groups SET title = ? WHERE conversation_id = ?", title, conversationId);
                lines.add(delivered(c, line(c, conversationId, actorId, UUID.randomUUID(),
                        new GroupChange(GroupAction.RENAMED, List.of(), title, null), now)));
            }
            String newDescription = description == null || description.isEmpty() ? null : description;
            if (description != null && !Objects.equals(newDescription, old[1])) {
                Rows.update(c, "UPDATE groups SET description = ? WHERE conversation_id = ?", newDescription,
                        conversationId);
                lines.add(delivered(c, line(c, conversationId, actorId, UUID.randomUUID(),
                        new GroupChange(GroupAction.DESCRIBED, List.of(), null, newDescription), now)));
            }
            return new GroupWrite(conversationId, lines);
        }, this::announce);
    }

    @Override
    public CompletableFuture<GroupWrite> setPicture(long conversationId, long actorId, ProfileStore.Picture picture,
            Instant now) {
        return db.writes().submit(c -> {
            manager(c, conversationId, actorId, "change the group's picture");
            String old = Rows.one(c, "SELECT COALESCE(avatar_hash, '') FROM groups WHERE conversation_id = ?",
                    row -> row.getString(1), conversationId).filter(hash -> !hash.isEmpty()).orElse(null);
            String hash = picture == null ? null : picture.hash();
            if (Objects.equals(old, hash)) {
                return new GroupWrite(conversationId, List.of());
            }
            if (picture != null) {
                Rows.update(c, "INSERT INTO avatars (hash, mime, bytes, created_at) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT DO NOTHING",
                        picture.hash(), picture.mime(), picture.bytes(), now);
            }
            Rows.update(c, "UPDATE groups SET avatar_hash = ? WHERE conversation_id = ?", hash, conversationId);
            SqliteProfileStore.dropUnused(c, old);
            Message line = line(c, conversationId, actorId, UUID.randomUUID(),
                    new GroupChange(GroupAction.PICTURE, List.of()), now);
            return new GroupWrite(conversationId, List.of(delivered(c, line)));
        }, this::announce);
    }

    @Override
    public CompletableFuture<Reply.GroupMember> mute(long conversationId, long actorId, String handle, boolean muted) {
        return db.writes().submit(c -> {
            GroupRole role = manager(c, conversationId, actorId, "mute people");
            Target target = target(c, conversationId, handle);
            if (target.id() == actorId) {
                throw ProtocolException.badRequest("you cannot mute yourself");
            }
            requireOutranks(role, target, "mute");
            Rows.update(c, "UPDATE members SET muted = ? WHERE conversation_id = ? AND user_id = ?", muted ? 1 : 0,
                    conversationId, target.id());
            return Rows.one(c, MEMBER_SELECT + " WHERE me.conversation_id = ? AND me.user_id = ?",
                    SqliteGroupStore::member, conversationId, target.id()).orElseThrow();
        });
    }

    @Override
    public Reply.GroupMembers members(long conversationId, long userId) {
        return Rows.read(db.readers(), c -> {
            groupMember(c, conversationId, userId);
            return new Reply.GroupMembers(conversationId, Rows.list(c, MEMBER_SELECT
                    + " WHERE me.conversation_id = ? AND me.until_seq IS NULL"
                    + " ORDER BY CASE me.role WHEN 'owner' THEN 0 WHEN 'admin' THEN 1 ELSE 2 END, u.handle",
                    SqliteGroupStore::member, conversationId));
        });
    }

    @Override
    public Optional<ProfileStore.Picture> picture(long conversationId, long userId) {
        return Rows.read(db.readers(), c -> {
            groupMember(c, conversationId, userId);
            return Rows.one(c, "SELECT a.hash, a.mime, a.bytes FROM groups g JOIN avatars a ON a.hash = g.avatar_hash"
                    + " WHERE g.conversation_id = ?", row -> new ProfileStore.Picture(row.getString(1),
                    row.getString(2), row.getBytes(3)), conversationId);
        });
    }

    private static Reply.GroupMember member(java.sql.ResultSet row) throws SQLException {
        return new Reply.GroupMember(Profiles.profile(row), GroupRole.fromWire(row.getString("role")),
                row.getBoolean("muted"), Rows.instant(row, "joined_at"));
    }

    /** The caller's membership of a group; {@code not_found} for a direct conversation. */
    private static Membership groupMember(Connection c, long conversationId, long userId) throws SQLException {
        Membership membership = Membership.current(c, conversationId, userId);
        if (!membership.inGroup()) {
            throw ProtocolException.notFound("no such group");
        }
        return membership;
    }

    /** The caller's role, if it lets them manage the group ({@code forbidden} otherwise). */
    private static GroupRole manager(Connection c, long conversationId, long userId, String what)
            throws SQLException {
        GroupRole role = groupMember(c, conversationId, userId).role();
        if (!role.manages()) {
            throw new ProtocolException(ErrorCode.FORBIDDEN, "only the group's owner and admins can " + what);
        }
        return role;
    }

    private static void requireOutranks(GroupRole actor, Target target, String verb) {
        if (!actor.outranks(target.role())) {
            throw new ProtocolException(ErrorCode.FORBIDDEN, target.role() == GroupRole.OWNER
                    ? "nobody can " + verb + " the group's owner"
                    : "only the group's owner can " + verb + " an admin");
        }
    }

    private static Target target(Connection c, long conversationId, String handle) throws SQLException {
        return Rows.one(c, "SELECT u.id, u.handle, me.role FROM members me JOIN users u ON u.id = me.user_id"
                + " WHERE me.conversation_id = ? AND u.handle = ? AND me.until_seq IS NULL",
                row -> new Target(row.getLong(1), row.getString(2), GroupRole.fromWire(row.getString(3))),
                conversationId, handle)
                .orElseThrow(() -> ProtocolException.notFound("@" + handle + " is not a member of this group"));
    }

    /** Makes someone a current member from {@code fromSeq} on (again, if they were one before). */
    private static void join(Connection c, long conversationId, long userId, GroupRole role, long fromSeq,
            Instant now) throws SQLException {
        Rows.update(c, "INSERT INTO members (conversation_id, user_id, joined_at, state, role, from_seq)"
                + " VALUES (?, ?, ?, 'ACCEPTED', ?, ?) ON CONFLICT (conversation_id, user_id) DO UPDATE SET"
                + " joined_at = excluded.joined_at, role = excluded.role, from_seq = excluded.from_seq, muted = 0,"
                + " until_seq = NULL", conversationId, userId, now, role.wireName(), fromSeq);
    }

    /** Ends someone's membership at {@code seq}, the line that says so: they see nothing after it. */
    private static void end(Connection c, long conversationId, long userId, long seq) throws SQLException {
        Rows.update(c, "UPDATE members SET until_seq = ?, muted = 0 WHERE conversation_id = ? AND user_id = ?", seq,
                conversationId, userId);
    }

    /** A system line with the conversation's next seq, sent by {@code actorId}, who has seen it. */
    private static Message line(Connection c, long conversationId, long actorId, UUID clientId, GroupChange change,
            Instant now) throws SQLException {
        long seq = Rows.one(c, "UPDATE conversations SET last_seq = last_seq + 1, last_activity_at = ?"
                + " WHERE id = ? RETURNING last_seq", row -> row.getLong(1), now, conversationId).orElseThrow();
        Rows.update(c, "INSERT INTO messages (conversation_id, seq, sender_id, client_id, text, sent_at, kind, change)"
                + " VALUES (?, ?, ?, ?, '', ?, 'system', ?)", conversationId, seq, actorId, clientId.toString(), now,
                GroupChanges.write(change));
        Rows.update(c, "UPDATE members SET read_seq = MAX(read_seq, ?) WHERE conversation_id = ? AND user_id = ?"
                + " AND until_seq IS NULL", seq, conversationId, actorId);
        String actor = Rows.one(c, "SELECT handle FROM users WHERE id = ?", row -> row.getString(1), actorId)
                .orElseThrow();
        return Message.system(conversationId, seq, actor, clientId, Instant.ofEpochMilli(now.toEpochMilli()), change);
    }

    /**
     * A line for everyone who is a member now: call it after adding people and before ending anyone's membership,
     * so both hear of it.
     */
    private static Appended delivered(Connection c, Message line) throws SQLException {
        return new Appended(line, false, SqliteConversationStore.memberIds(c, line.conversationId()));
    }
}
