package dev.parley.server.store.sqlite;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Limits;
import dev.parley.protocol.Message;
import dev.parley.protocol.MessageKind;
import dev.parley.protocol.Offer;
import dev.parley.protocol.Proposal;
import dev.parley.protocol.ProposalStatus;
import dev.parley.protocol.ProtocolException;
import dev.parley.server.store.Appended;
import dev.parley.server.store.jdbc.Rows;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Offers and collaboration proposals in messages (server V17): the checks made when one is sent, the content kept
 * as JSON on the message row, and each proposal's status in {@code proposals}, which only its recipient (accept,
 * decline) or its sender (withdraw) may change, once, while it is pending. A change appends a
 * {@code proposal_update} event with the next seq in the same transaction.
 */
final class Proposals {
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL).build();

    private Proposals() {
    }

    /** An offer must end after the server's now and within {@link Limits#MAX_OFFER_DAYS}. */
    static void checkOffer(Offer offer, Instant now) {
        if (!offer.expiresAt().isAfter(now)) {
            throw ProtocolException.badRequest("the offer must end in the future");
        }
        if (offer.expiresAt().isAfter(now.plus(Duration.ofDays(Limits.MAX_OFFER_DAYS)))) {
            throw ProtocolException.badRequest("an offer ends at most " + Limits.MAX_OFFER_DAYS + " days ahead");
        }
    }

    /** The recipient of a proposal: only in a direct conversation with someone else ({@code bad_request}). */
    static long recipient(Membership membership, List<Long> members, long senderId) {
        if (membership.inGroup() || members.size() != 2) {
            throw ProtocolException.badRequest("a proposal is made in a direct conversation with one other person");
        }
        return members.get(0) == senderId ? members.get(1) : members.get(0);
    }

    /** Keeps a new proposal's status row, pending. */
    static void insert(Connection c, long conversationId, long seq, long senderId, long recipientId)
            throws SQLException {
        Rows.update(c, "INSERT INTO proposals (conversation_id, seq, sender_id, recipient_id) VALUES (?, ?, ?, ?)",
                conversationId, seq, senderId, recipientId);
    }

    /** The offer a message row carries, or null. */
    static Offer offer(ResultSet row, boolean unsent) throws SQLException {
        String json = row.getString("offer");
        return json == null || unsent ? null : read(json, Offer.class);
    }

    /**
     * The proposal a row carries with its status now: its own for a proposal message, its target's for a
     * {@code proposal_update} event; null otherwise or once unsent.
     */
    static Proposal of(Connection c, ResultSet row, MessageKind kind, long conversationId, long seq, Long target,
            boolean unsent) throws SQLException {
        if (kind == MessageKind.PROPOSAL_UPDATE && target != null) {
            return current(c, conversationId, target).orElse(null);
        }
        String json = row.getString("proposal");
        if (json == null || unsent) {
            return null;
        }
        return withStatus(c, read(json, Proposal.class), conversationId, seq);
    }

    static String write(Object content) {
        try {
            return content == null ? null : JSON.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode an offer or proposal", e);
        }
    }

    /**
     * Changes proposal {@code seq} to {@code next} for {@code userId}: the recipient accepts or declines, the sender
     * withdraws, only while it is pending. Asking for the status it already has stores nothing.
     */
    static Appended respond(Connection c, long conversationId, long userId, long seq, ProposalStatus next,
            Instant now) throws SQLException {
        Membership.current(c, conversationId, userId);
        List<Long> members = SqliteConversationStore.memberIds(c, conversationId);
        long[] window = SqliteConversationStore.visibleWindow(c, conversationId, userId);
        Object[] row = (seq < window[0] || seq > window[1] ? Optional.<Object[]>empty()
                : Rows.one(c, "SELECT p.sender_id, p.recipient_id, p.status FROM proposals p JOIN messages m"
                        + " ON m.conversation_id = p.conversation_id AND m.seq = p.seq"
                        + " WHERE p.conversation_id = ? AND p.seq = ? AND m.unsent_at IS NULL",
                        r -> new Object[] {r.getLong(1), r.getLong(2), r.getString(3)}, conversationId, seq))
                .orElseThrow(() -> ProtocolException.notFound("no such proposal"));
        long senderId = (Long) row[0];
        long recipientId = (Long) row[1];
        ProposalStatus status = ProposalStatus.fromWire((String) row[2]);
        if (next == ProposalStatus.WITHDRAWN ? userId != senderId : userId != recipientId) {
            throw new ProtocolException(ErrorCode.FORBIDDEN, next == ProposalStatus.WITHDRAWN
                    ? "only the person who made a proposal can withdraw it"
                    : "only the person a proposal was made to can accept or decline it");
        }
        if (status != ProposalStatus.PENDING) {
            return alreadyAnswered(c, conversationId, seq, status, next, members);
        }
        // Only from pending, checked again by the update itself: on PostgreSQL an answer committed meanwhile through
        // another node leaves this one nothing to change.
        if (Rows.update(c, "UPDATE proposals SET status = ?, status_at = ? WHERE conversation_id = ? AND seq = ?"
                + " AND status = 'pending'", next.wireName(), now, conversationId, seq) == 0) {
            String answered = Rows.one(c, "SELECT status FROM proposals WHERE conversation_id = ? AND seq = ?",
                    r -> r.getString(1), conversationId, seq).orElseThrow();
            return alreadyAnswered(c, conversationId, seq, ProposalStatus.fromWire(answered), next, members);
        }
        long eventSeq = Rows.one(c, "UPDATE conversations SET last_seq = last_seq + 1, last_activity_at = ?"
                + " WHERE id = ? RETURNING last_seq", r -> r.getLong(1), now, conversationId).orElseThrow();
        Rows.update(c, "INSERT INTO messages (conversation_id, seq, sender_id, client_id, text, sent_at, kind,"
                + " target_seq) VALUES (?, ?, ?, ?, ?, ?, 'proposal_update', ?)", conversationId, eventSeq, userId,
                UUID.randomUUID().toString(), next.wireName(), now, seq);
        Rows.update(c, "UPDATE members SET read_seq = MAX(read_seq, ?) WHERE conversation_id = ? AND user_id = ?",
                eventSeq, conversationId, userId);
        Message event = Rows.one(c, SqliteConversationStore.MESSAGE_SELECT + " WHERE m.conversation_id = ?"
                + " AND m.seq = ?", r -> SqliteConversationStore.message(c, r), conversationId, eventSeq).orElseThrow();
        return new Appended(event, false, members);
    }

    /** Asking again for the status it has answers with the event that set it; any other answer is too late. */
    private static Appended alreadyAnswered(Connection c, long conversationId, long seq, ProposalStatus status,
            ProposalStatus next, List<Long> members) throws SQLException {
        if (status != next) {
            throw new ProtocolException(ErrorCode.CONFLICT, "this proposal was already " + status.wireName());
        }
        Message answer = Rows.one(c, SqliteConversationStore.MESSAGE_SELECT + " WHERE m.conversation_id = ?"
                + " AND m.kind = 'proposal_update' AND m.target_seq = ? ORDER BY m.seq DESC LIMIT 1",
                r -> SqliteConversationStore.message(c, r), conversationId, seq).orElseThrow();
        return new Appended(answer, true, members);
    }

    private static Optional<Proposal> current(Connection c, long conversationId, long seq) throws SQLException {
        Optional<String> json = Rows.one(c, "SELECT proposal FROM messages WHERE conversation_id = ? AND seq = ?"
                + " AND unsent_at IS NULL AND proposal IS NOT NULL", r -> r.getString(1), conversationId, seq);
        if (json.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(withStatus(c, read(json.get(), Proposal.class), conversationId, seq));
    }

    private static Proposal withStatus(Connection c, Proposal content, long conversationId, long seq)
            throws SQLException {
        return Rows.one(c, "SELECT status, status_at FROM proposals WHERE conversation_id = ? AND seq = ?",
                r -> content.withStatus(ProposalStatus.fromWire(r.getString(1)), instantOrNull(r, 2)),
                conversationId, seq).orElse(content);
    }

    private static Instant instantOrNull(ResultSet row, int column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored offer or proposal is not readable: " + json, e);
        }
    }
}
