package dev.parley.server.store.sqlite;

import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Reply;
import dev.parley.server.social.DeliveryRules;
import dev.parley.server.social.MemberState;
import dev.parley.server.store.jdbc.Rows;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who may be put in a group, decided inside the write's transaction from the same facts as a direct message:
 * the people asked for, each admitted or refused with a typed reason.
 */
final class GroupAdmission {
    private GroupAdmission() {
    }

    /** The people a create or add may put in the group, and those it refused. */
    record Screened(List<Long> ids, List<String> handles, List<Reply.Refusal> refused) {
    }

    /**
     * Who of {@code handles} the adder may put in the group: people who exist, are not members yet (of
     * {@code conversationId}, when adding), and whose privacy would let the adder message them
     * ({@link DeliveryRules#addToGroup}). The adder's own handle is skipped.
     */
    static Screened screen(Connection c, long adderId, List<String> handles, Long conversationId)
            throws SQLException {
        List<Long> ids = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        List<Reply.Refusal> refused = new ArrayList<>();
        for (String handle : handles) {
            Optional<Long> found = Rows.one(c, "SELECT id FROM users WHERE handle = ?", row -> row.getLong(1), handle);
            if (found.isEmpty()) {
                refused.add(new Reply.Refusal(handle, ErrorCode.NOT_FOUND, "there is no user @" + handle));
                continue;
            }
            long id = found.get();
            if (id == adderId) {
                continue;
            }
            if (conversationId != null && Rows.one(c, "SELECT 1 FROM members WHERE conversation_id = ?"
                    + " AND user_id = ? AND until_seq IS NULL", row -> 1, conversationId, id).isPresent()) {
                refused.add(new Reply.Refusal(handle, ErrorCode.CONFLICT, "@" + handle + " is already a member"));
                continue;
            }
            DeliveryRules.Decision decision = DeliveryRules.addToGroup(situation(c, adderId, id));
            if (decision instanceof DeliveryRules.Decision.Refuse refuse) {
                refused.add(new Reply.Refusal(handle, refuse.code(), refuse.message()));
            } else {
                ids.add(id);
                accepted.add(handle);
            }
        }
        return new Screened(ids, accepted, refused);
    }

    /** What decides whether the adder may reach this person, as for a first direct message. */
    private static DeliveryRules.Situation situation(Connection c, long adderId, long personId) throws SQLException {
        MemberState state = Rows.one(c, "SELECT m.state FROM direct_pairs dp JOIN members m"
                + " ON m.conversation_id = dp.conversation_id AND m.user_id = ? WHERE dp.user_lo = ? AND dp.user_hi = ?",
                row -> MemberState.valueOf(row.getString(1)), personId, Math.min(adderId, personId),
                Math.max(adderId, personId)).orElse(MemberState.PENDING);
        return new DeliveryRules.Situation(SqliteSocialStore.dmPolicy(c, adderId),
                SqliteSocialStore.dmPolicy(c, personId),
                SqliteSocialStore.follows(c, adderId, personId) && SqliteSocialStore.follows(c, personId, adderId),
                SqliteSocialStore.blocks(c, adderId, personId), SqliteSocialStore.blocks(c, personId, adderId),
                state, 0);
    }
}
