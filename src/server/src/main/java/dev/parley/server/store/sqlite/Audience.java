package dev.parley.server.store.sqlite;

import dev.parley.protocol.DmPolicy;
import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Segment;
import dev.parley.protocol.SkipReason;
import dev.parley.server.social.DeliveryRules;
import dev.parley.server.social.MemberState;
import dev.parley.server.store.jdbc.Rows;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who a segment holds, and whether a broadcast may reach each of them. A segment draws on the owner's contacts:
 * people they share a direct chat with, and friends. A broadcast reaches only people a direct message would reach
 * as an accepted one — friends the privacy rules allow, or an existing conversation both have accepted — never as a
 * message request, never across a block either way, and never someone who opted out of the sender's broadcasts.
 * Someone who blocked the sender is skipped for "privacy", so a broadcast cannot reveal a block.
 */
final class Audience {
    /** One person in a segment: their conversation with the owner, if any. */
    record Person(long id, String handle, String displayName, Long conversationId) {
    }

    private static final String PAIR = "((p.user_lo = ?1 AND p.user_hi = u.id)"
            + " OR (p.user_hi = ?1 AND p.user_lo = u.id))";
    private static final String FRIENDS = "(EXISTS (SELECT 1 FROM follows f WHERE f.follower_id = ?1"
            + " AND f.followee_id = u.id) AND EXISTS (SELECT 1 FROM follows g WHERE g.follower_id = u.id"
            + " AND g.followee_id = ?1))";

    private Audience() {
    }

    /** Everyone the segment holds now, by handle. */
    static List<Person> of(Connection c, long ownerId, Segment segment, Instant now) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT u.id, u.handle, u.display_name,"
                + " (SELECT p.conversation_id FROM direct_pairs p WHERE " + PAIR + ") AS conversation_id"
                + " FROM users u WHERE u.id <> ?1"
                + " AND (EXISTS (SELECT 1 FROM direct_pairs p WHERE " + PAIR + ") OR " + FRIENDS + ")");
        List<Object> params = new ArrayList<>(List.of(ownerId));
        if (!segment.labels().isEmpty()) {
            sql.append(" AND EXISTS (SELECT 1 FROM contact_labels l WHERE l.owner_id = ?1 AND l.contact_id = u.id"
                    + " AND l.label IN (").append(String.join(", ", segment.labels().stream().map(l -> "?").toList()))
                    .append("))");
            params.addAll(segment.labels());
        }
        if (segment.friendsOnly()) {
            sql.append(" AND ").append(FRIENDS);
        }
        if (segment.messagedWithinDays() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM direct_pairs p JOIN messages m ON m.conversation_id ="
                    + " p.conversation_id WHERE " + PAIR + " AND m.sender_id = u.id AND m.kind = 'text'"
                    + " AND m.sent_at >= ?)");
            params.add(now.minus(Duration.ofDays(segment.messagedWithinDays())));
        }
        sql.append(" ORDER BY u.handle");
        return Rows.list(c, sql.toString(), row -> {
            long conversation = row.getLong("conversation_id");
            Long conversationId = row.wasNull() ? null : conversation;
            return new Person(row.getLong("id"), row.getString("handle"), row.getString("display_name"),
                    conversationId);
        }, params.toArray());
    }

    /** Why a broadcast from the sender cannot go to this person now, or empty if it can. */
    static Optional<SkipReason> skip(Connection c, long senderId, long recipientId, Long conversationId)
            throws SQLException {
        if (SqliteSocialStore.blocks(c, senderId, recipientId)) {
            return Optional.of(SkipReason.BLOCKED);
        }
        // As for msg.send, being blocked is never told apart from privacy.
        if (SqliteSocialStore.blocks(c, recipientId, senderId)) {
            return Optional.of(SkipReason.PRIVACY);
        }
        if (optedOut(c, senderId, recipientId)) {
            return Optional.of(SkipReason.OPTED_OUT);
        }
        boolean friends = SqliteSocialStore.follows(c, senderId, recipientId)
                && SqliteSocialStore.follows(c, recipientId, senderId);
        MemberState theirs = conversationId == null ? MemberState.PENDING : state(c, conversationId, recipientId);
        MemberState mine = conversationId == null ? MemberState.PENDING : state(c, conversationId, senderId);
        DeliveryRules.Decision decision = DeliveryRules.decide(new DeliveryRules.Situation(
                SqliteSocialStore.dmPolicy(c, senderId), SqliteSocialStore.dmPolicy(c, recipientId), friends,
                false, false, theirs, 0));
        if (decision instanceof DeliveryRules.Decision.Refuse refuse) {
            boolean declined = !friends && theirs == MemberState.DECLINED
                    && SqliteSocialStore.dmPolicy(c, recipientId) == DmPolicy.EVERYONE;
            return Optional.of(declined || refuse.code() == ErrorCode.BLOCKED ? SkipReason.NOT_ACCEPTED
                    : SkipReason.PRIVACY);
        }
        boolean accepted = ((DeliveryRules.Decision.Deliver) decision).recipientState() == MemberState.ACCEPTED;
        if (!friends && (!accepted || mine != MemberState.ACCEPTED)) {
            return Optional.of(SkipReason.NOT_ACCEPTED);
        }
        return Optional.empty();
    }

    static boolean optedOut(Connection c, long senderId, long recipientId) throws SQLException {
        return Rows.one(c, "SELECT 1 FROM broadcast_opt_outs WHERE sender_id = ? AND recipient_id = ?", r -> 1,
                senderId, recipientId).isPresent();
    }

    private static MemberState state(Connection c, long conversationId, long userId) throws SQLException {
        return MemberState.valueOf(Rows.one(c, "SELECT state FROM members WHERE conversation_id = ? AND user_id = ?",
                r -> r.getString(1), conversationId, userId).orElseThrow());
    }
}
