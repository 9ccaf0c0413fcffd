package dev.parley.server.store.sqlite;

import static dev.parley.server.store.jdbc.Rows.instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Limits;
import dev.parley.protocol.ProtocolException;
import dev.parley.protocol.Request;
import dev.parley.protocol.ScheduleStatus;
import dev.parley.protocol.ScheduledMessage;
import dev.parley.server.social.DeliveryRules;
import dev.parley.server.store.Appended;
import dev.parley.server.store.ScheduleChange;
import dev.parley.server.store.ScheduleStore;
import dev.parley.server.store.jdbc.Database;
import dev.parley.server.store.jdbc.Rows;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** {@link ScheduleStore} on the SQLite file; delivery runs the same code as {@code msg.send}, in one transaction. */
public final class SqliteScheduleStore implements ScheduleStore {
    // Instants (an offer's end) are kept as ISO text, as on the wire.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL).build();
    private static final String SELECT = "SELECT id, sender_id, payload, send_at, follow_up, status, reason, seq,"
            + " created_at FROM scheduled_messages";

    private final Database db;

    public SqliteScheduleStore(Database db) {
        this.db = db;
    }

    @Override
    public CompletableFuture<Created> create(long senderId, Request.ScheduleCreate request, Instant now) {
        Request.MessageSend message = request.message();
        return db.writes().submit(c -> {
            Membership membership = Membership.current(c, message.conversationId(), senderId);
            Optional<ScheduledMessage> earlier = Rows.one(c, SELECT + " WHERE sender_id = ? AND client_id = ?",
                    SqliteScheduleStore::scheduled, senderId, message.clientId().toString());
            if (earlier.isPresent()) {
                return new Created(earlier.get(), true);
            }
            requireSendable(request.sendAt(), now);
            SqliteMediaStore.requireUsable(c, senderId, message.media() == null ? List.of() : message.media());
            if (request.followUp()) {
                requireFollowUpAllowed(c, membership, message.conversationId(), senderId);
            }
            int pending = Rows.one(c, "SELECT COUNT(*) FROM scheduled_messages WHERE sender_id = ?"
                    + " AND status = 'pending'", row -> row.getInt(1), senderId).orElse(0);
            if (pending >= Limits.MAX_PENDING_SCHEDULED) {
                throw new ProtocolException(ErrorCode.CONFLICT, "you have " + Limits.MAX_PENDING_SCHEDULED
                        + " scheduled messages already; send or cancel some first");
            }
            long id = Rows.insert(c, "INSERT INTO scheduled_messages (sender_id, conversation_id, client_id, payload,"
                    + " send_at, follow_up, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", senderId,
                    message.conversationId(), message.clientId().toString(), write(message), request.sendAt(),
                    request.followUp() ? 1 : 0, now);
            return new Created(find(c, id), false);
        });
    }

    private static void requireSendable(Instant sendAt, Instant now) {
        if (!sendAt.isAfter(now)) {
            throw ProtocolException.badRequest("pick a time in the future");
        }
        if (sendAt.isAfter(now.plus(Duration.ofDays(Limits.MAX_SCHEDULE_DAYS)))) {
            throw ProtocolException.badRequest("a message can be scheduled at most " + Limits.MAX_SCHEDULE_DAYS
                    + " days ahead");
        }
    }

    /** One pending follow-up per conversation, only in direct ones, and never one after an unanswered one. */
    private static void requireFollowUpAllowed(Connection c, Membership membership, long conversationId,
            long senderId) throws SQLException {
        if (membership.inGroup()) {
            throw ProtocolException.badRequest("follow-ups are for direct conversations");
        }
        if (Rows.one(c, "SELECT 1 FROM scheduled_messages WHERE sender_id = ? AND conversation_id = ?"
                + " AND follow_up = 1 AND status = 'pending'", row -> 1, senderId, conversationId).isPresent()) {
            throw new ProtocolException(ErrorCode.CONFLICT, "this chat already has a follow-up; change that one");
        }
        boolean unanswered = Rows.one(c, "SELECT 1 FROM scheduled_messages s WHERE s.sender_id = ?"
                + " AND s.conversation_id = ? AND s.follow_up = 1 AND s.status = 'sent' AND s.seq > (SELECT"
                + " COALESCE(MAX(m.seq), 0) FROM messages m WHERE m.conversation_id = s.conversation_id"
                + " AND m.sender_id != s.sender_id AND m.kind IN ('text', 'poll'))", row -> 1, senderId,
                conversationId).isPresent();
        if (unanswered) {
            throw new ProtocolException(ErrorCode.CONFLICT,
                    "your last follow-up here has no reply yet; one follow-up is enough");
        }
    }

    @Override
    public List<ScheduledMessage> pending(long senderId, Long conversationId) {
        return Rows.read(db.readers(), c -> conversationId == null
                ? Rows.list(c, SELECT + " WHERE sender_id = ? AND status = 'pending' ORDER BY send_at, id",
                        SqliteScheduleStore::scheduled, senderId)
                : Rows.list(c, SELECT + " WHERE sender_id = ? AND conversation_id = ? AND status = 'pending'"
                        + " ORDER BY send_at, id", SqliteScheduleStore::scheduled, senderId, conversationId));
    }

    @Override
    public CompletableFuture<ScheduledMessage> update(long senderId, Request.ScheduleUpdate request, Instant now) {
        return db.writes().submit(c -> {
            ScheduledMessage current = pendingOf(c, request.id(), senderId);
            Request.MessageSend m = current.message();
            Request.MessageSend edited = request.text() == null ? m
                    : new Request.MessageSend(m.conversationId(), m.clientId(), request.text(), m.media(),
                            m.replyTo(), m.card(), m.sticker(), m.offer(), m.proposal());
            Instant sendAt = request.sendAt() == null ? current.sendAt() : request.sendAt();
            if (request.sendAt() != null) {
                requireSendable(sendAt, now);
            }
            stillPending(c, Rows.update(c, "UPDATE scheduled_messages SET payload = ?, send_at = ? WHERE id = ?"
                    + " AND status = 'pending'", write(edited), sendAt, current.id()), current.id(), senderId);
            return find(c, current.id());
        });
    }

    @Override
    public CompletableFuture<ScheduledMessage> cancel(long senderId, long id) {
        return db.writes().submit(c -> {
            pendingOf(c, id, senderId);
            stillPending(c, Rows.update(c, "UPDATE scheduled_messages SET status = 'cancelled' WHERE id = ?"
                    + " AND status = 'pending'", id), id, senderId);
            return find(c, id);
        });
    }

    @Override
    public CompletableFuture<Optional<Delivery>> deliver(long id, Long senderId, boolean skipWhenRefused,
            Instant now) {
        return db.writes().submit(c -> {
            // Claims the row (a row lock on PostgreSQL, held to commit): an edit or a cancel committed meanwhile
            // through another node is seen, and one arriving now waits and then finds it no longer pending.
            Optional<Long> author = Rows.one(c, "UPDATE scheduled_messages SET status = status WHERE id = ?"
                    + " AND status = 'pending' RETURNING sender_id", row -> row.getLong(1), id);
            if (senderId != null) {
                pendingOf(c, id, senderId);
            } else if (author.isEmpty()) {
                return Optional.empty();
            }
            long from = author.orElseThrow();
            Request.MessageSend m = find(c, id).message();
            Savepoint before = c.setSavepoint();
            try {
                Appended appended = SqliteConversationStore.appendIn(c, m.conversationId(), from, m.clientId(),
                        m.text(), m.media() == null ? List.of() : m.media(), m.replyTo(), m.card(), m.sticker(), m.offer(),
                        m.proposal(), now);
                Rows.update(c, "UPDATE scheduled_messages SET status = 'sent', seq = ? WHERE id = ?",
                        appended.message().seq(), id);
                return Optional.of(new Delivery(new ScheduleChange(from, find(c, id)), appended));
            } catch (ProtocolException refused) {
                c.rollback(before);
                if (!skipWhenRefused) {
                    throw refused;
                }
                Rows.update(c, "UPDATE scheduled_messages SET status = 'skipped', reason = ? WHERE id = ?",
                        refused.getMessage(), id);
                return Optional.of(new Delivery(new ScheduleChange(from, find(c, id)), null));
            }
        }, delivery -> delivery.map(Delivery::appended).ifPresent(db.committedMessages()));
    }

    @Override
    public List<Long> due(Instant now, int limit) {
        return Rows.read(db.readers(), c -> Rows.list(c, "SELECT id FROM scheduled_messages WHERE status = 'pending'"
                + " AND send_at <= ? ORDER BY send_at, id LIMIT ?", row -> row.getLong(1), now, limit));
    }

    @Override
    public CompletableFuture<List<ScheduleChange>> cancelUndeliverableFollowUps(long userId) {
        return db.writes().submit(c -> {
            List<long[]> candidates = Rows.list(c, "SELECT s.id, s.sender_id, s.conversation_id,"
                    + " (SELECT o.user_id FROM members o WHERE o.conversation_id = s.conversation_id"
                    + " AND o.user_id != s.sender_id) FROM scheduled_messages s JOIN members me"
                    + " ON me.conversation_id = s.conversation_id AND me.user_id = ?"
                    + " WHERE s.follow_up = 1 AND s.status = 'pending'",
                    row -> new long[] {row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4)}, userId);
            List<ScheduleChange> cancelled = new ArrayList<>();
            for (long[] candidate : candidates) {
                DeliveryRules.Decision decision = SqliteConversationStore.deliveryDecision(c, candidate[2],
                        candidate[1], candidate[3]);
                if (decision instanceof DeliveryRules.Decision.Refuse refuse) {
                    Rows.update(c, "UPDATE scheduled_messages SET status = 'cancelled', reason = ? WHERE id = ?",
                            refuse.message(), candidate[0]);
                    cancelled.add(new ScheduleChange(candidate[1], find(c, candidate[0])));
                }
            }
            return cancelled;
        });
    }

    /** Called as someone writes in a conversation: the others' pending follow-ups there got their answer. */
    static List<ScheduleChange> cancelAnsweredFollowUps(Connection c, long conversationId, long writerId)
            throws SQLException {
        List<long[]> answered = Rows.list(c, "UPDATE scheduled_messages SET status = 'cancelled',"
                + " reason = 'they replied' WHERE conversation_id = ? AND follow_up = 1 AND status = 'pending'"
                + " AND sender_id != ? RETURNING id, sender_id", row -> new long[] {row.getLong(1), row.getLong(2)},
                conversationId, writerId);
        List<ScheduleChange> changes = new ArrayList<>();
        for (long[] row : answered) {
            changes.add(new ScheduleChange(row[1], find(c, row[0])));
        }
        return changes;
    }

    /** An update that changed no row lost a race (sent or cancelled meanwhile): {@link #pendingOf} says how. */
    private static void stillPending(Connection c, int changed, long id, long senderId) throws SQLException {
        if (changed == 0) {
            pendingOf(c, id, senderId);
            throw new IllegalStateException("scheduled message " + id + " is pending but was not changed");
        }
    }

    private static ScheduledMessage pendingOf(Connection c, long id, long senderId) throws SQLException {
        ScheduledMessage found = Rows.one(c, SELECT + " WHERE id = ? AND sender_id = ?",
                SqliteScheduleStore::scheduled, id, senderId)
                .orElseThrow(() -> ProtocolException.notFound("no such scheduled message"));
        if (found.status() != ScheduleStatus.PENDING) {
            throw new ProtocolException(ErrorCode.CONFLICT, "this message was already " + found.status().wireName());
        }
        return found;
    }

    private static ScheduledMessage find(Connection c, long id) throws SQLException {
        return Rows.one(c, SELECT + " WHERE id = ?", SqliteScheduleStore::scheduled, id).orElseThrow();
    }

    private static ScheduledMessage scheduled(ResultSet row) throws SQLException {
        long seq = row.getLong("seq");
        Long sentSeq = row.wasNull() ? null : seq;
        return new ScheduledMessage(row.getLong("id"), read(row.getString("payload")), instant(row, "send_at"),
                row.getBoolean("follow_up"), ScheduleStatus.fromWire(row.getString("status")),
                row.getString("reason"), sentSeq, instant(row, "created_at"));
    }

    private static String write(Request.MessageSend message) {
        try {
            return JSON.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a scheduled message", e);
        }
    }

    private static Request.MessageSend read(String payload) {
        try {
            return JSON.readValue(payload, Request.MessageSend.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a scheduled message", e);
        }
    }
}
