package dev.parley.server.store.sqlite;

import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.GroupRole;
import dev.parley.protocol.ProtocolException;
import dev.parley.server.store.jdbc.Rows;
import java.sql.Connection;
import java.sql.SQLException;

/** A current member's standing in a conversation: whether it is a group, and there their role and mute. */
record Membership(boolean inGroup, GroupRole role, boolean muted) {

    /**
     * The user's membership, read inside the caller's transaction. {@code not_found} when they were never a
     * member (indistinguishable from no such conversation), {@code forbidden} once they left or were removed.
     */
    static Membership current(Connection c, long conversationId, long userId) throws SQLException {
        Object[] row = Rows.one(c, "SELECT c.kind, me.role, me.muted, me.until_seq IS NOT NULL FROM members me"
                + " JOIN conversations c ON c.id = me.conversation_id WHERE me.conversation_id = ? AND me.user_id = ?",
                r -> new Object[] {r.getString(1), r.getString(2), r.getBoolean(3), r.getBoolean(4)},
                conversationId, userId)
                .orElseThrow(() -> ProtocolException.notFound("no such conversation"));
        if ((Boolean) row[3]) {
            throw new ProtocolException(ErrorCode.FORBIDDEN, "you are no longer a member of this group");
        }
        boolean group = "group".equals(row[0]);
        return new Membership(group, group ? GroupRole.fromWire((String) row[1]) : null, (Boolean) row[2]);
    }
}
