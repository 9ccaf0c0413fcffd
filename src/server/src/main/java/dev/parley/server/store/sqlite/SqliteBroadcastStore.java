package dev.parley.server.store.sqlite;

import static dev.parley.server.store.jdbc.Rows.instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.parley.protocol.Broadcast;
import dev.parley.protocol.BroadcastContent;
import dev.parley.protocol.Offer;
import dev.parley.protocol.BroadcastRecipient;
import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Limits;
import dev.parley.protocol.ProtocolException;
import dev.parley.protocol.RecipientStatus;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Segment;
import dev.parley.protocol.SkipReason;
import dev.parley.server.store.Appended;
import dev.parley.server.store.BroadcastStore;
import dev.parley.server.store.BroadcastTotals;
import dev.parley.server.store.jdbc.Database;
import dev.parley.server.store.jdbc.Rows;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * {@link BroadcastStore} on the SQLite file. Each recipient's text is rendered and checked when the broadcast is
 * created; each is sent later through the same append as {@code msg.send}, in its own transaction.
 */
public final class SqliteBroadcastStore implements BroadcastStore {
    // Instants (an offer's end) are kept as ISO text, as on the wire.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final String SUMMARY = "SELECT b.id, b.client_id, b.segment_name, b.content, b.created_at,"
            + " " + count("r.status = 'queued'") + " AS queued, " + count("r.status = 'sent'") + " AS sent,"
            + " " + count("r.status = 'skipped'") + " AS skipped, " + count("r.status = 'failed'") + " AS failed,"
            + " " + count("r.replied_at IS NOT NULL") + " AS replied,"
            + " (SELECT COUNT(*) FROM broadcast_opt_outs o WHERE o.broadcast_id = b.id) AS opted_out"
            + " FROM broadcasts b LEFT JOIN broadcast_recipients r ON r.broadcast_id = b.id";

    private final Database db;

    public SqliteBroadcastStore(Database db) {
        this.db = db;
    }

    /** The segment's people with their rendered text, or the reason each is skipped. */
    private record Plan(List<Planned> people, int capped, Duration capFreesIn) {
        int recipients() {
            return (int) people.stream().filter(p -> p.skip == null).count();
        }

        Map<String, Integer> skipped() {
            Map<String, Integer> counts = new LinkedHashMap<>();
            people.stream().filter(p -> p.skip != null)
                    .forEach(p -> counts.merge(p.skip.wireName(), 1, Integer::sum));
            return counts;
        }
    }

    private record Planned(Audience.Person person, SkipReason skip, String text) {
    }

    private static Plan plan(Connection c, long senderId, Segment segment, BroadcastContent content, Pace pace,
            Instant now) throws SQLException {
        if (content.offer() != null) {
            Proposals.checkOffer(content.offer(), now);
        }
        List<Audience.Person> people = Audience.of(c, senderId, segment, now);
        Personal personal = Personal.of(c, senderId, content.text(),
                content.offer() == null ? Limits.MAX_TEXT_CHARS : Limits.MAX_CAPTION_CHARS);
        Instant dayAgo = now.minus(Duration.ofDays(1));
        int used = Rows.one(c, "SELECT COUNT(*) FROM broadcast_recipients r JOIN broadcasts b ON b.id = r.broadcast_id"
                + " WHERE b.sender_id = ? AND b.created_at > ? AND r.status <> 'skipped'", r -> r.getInt(1),
                senderId, dayAgo).orElse(0);
        int room = Math.max(0, pace.dailyCap() - used);
        List<Planned> planned = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        String emptyVariable = null;
        int capped = 0;
        for (Audience.Person person : people) {
            Optional<SkipReason> skip = Audience.skip(c, senderId, person.id(), person.conversationId());
            if (skip.isEmpty() && room == 0) {
                skip = Optional.of(SkipReason.DAILY_CAP);
                capped++;
            }
            if (skip.isPresent()) {
                planned.add(new Planned(person, skip.get(), null));
                continue;
            }
            room--;
            Personal.Rendered rendered = personal.render(c, person);
            if (rendered.missing() != null) {
                emptyVariable = emptyVariable == null ? rendered.missing() : emptyVariable;
                if (rendered.missing().equals(emptyVariable)) {
                    empty.add("@" + person.handle());
                }
            }
            planned.add(new Planned(person, null, rendered.text()));
        }
        if (emptyVariable != null) {
            throw ProtocolException.badRequest("{" + emptyVariable + "} is empty for " + String.join(", ",
                    empty.subList(0, Math.min(3, empty.size()))) + (empty.size() > 3 ? " and others" : "")
                    + "; fill it in on their contact fields or take it out");
        }
        Duration freesIn = Duration.ZERO;
        if (capped > 0) {
            Instant oldest = Rows.one(c, "SELECT MIN(b.created_at) FROM broadcasts b JOIN broadcast_recipients r"
                    + " ON r.broadcast_id = b.id WHERE b.sender_id = ? AND b.created_at > ? AND r.status <> 'skipped'",
                    r -> r.getLong(1), senderId, dayAgo).map(Instant::ofEpochMilli).orElse(dayAgo);
            freesIn = Duration.between(now, oldest.plus(Duration.ofDays(1)));
        }
        return new Plan(planned, capped, freesIn);
    }

    @Override
    public Reply.BroadcastPreview preview(long senderId, long segmentId, BroadcastContent content, Pace pace,
            Instant now) {
        return Rows.read(db.readers(), c -> {
            Plan plan = plan(c, senderId, SqliteContactStore.segment(c, senderId, segmentId), content, pace, now);
            List<Reply.BroadcastExample> examples = plan.people().stream().filter(p -> p.skip() == null)
                    .limit(Limits.BROADCAST_PREVIEW_EXAMPLES)
                    .map(p -> new Reply.BroadcastExample(p.person().handle(), p.person().displayName(), p.text()))
                    .toList();
            return new Reply.BroadcastPreview(examples, plan.recipients(), plan.skipped());
        });
    }

    @Override
    public CompletableFuture<Created> create(long senderId, UUID clientId, long segmentId, BroadcastContent content,
            Pace pace, Instant now) {
        return db.writes().submit(c -> {
            // One broadcast created at a time per sender across nodes, so two cannot both fit under the daily cap.
            Rows.update(c, "UPDATE users SET display_name = display_name WHERE id = ?", senderId);
            Optional<Long> earlier = Rows.one(c, "SELECT id FROM broadcasts WHERE sender_id = ? AND client_id = ?",
                    r -> r.getLong(1), senderId, clientId.toString());
            if (earlier.isPresent()) {
                return new Created(summary(c, earlier.get()), true);
            }
            Segment segment = SqliteContactStore.segment(c, senderId, segmentId);
            Plan plan = plan(c, senderId, segment, content, pace, now);
            if (plan.recipients() == 0) {
                if (plan.capped() > 0) {
                    throw new ProtocolException(ErrorCode.RATE_LIMITED, "you reached today's limit of "
                            + pace.dailyCap() + " broadcast recipients", Math.max(1, plan.capFreesIn().toMillis()));
                }
                throw ProtocolException.badRequest("nobody in this segment can receive a broadcast from you now");
            }
            long id = Rows.insert(c, "INSERT INTO broadcasts (sender_id, client_id, segment_name, content, created_at)"
                    + " VALUES (?, ?, ?, ?, ?)", senderId, clientId.toString(), segment.name(), write(content), now);
            int turn = 0;
            for (Planned p : plan.people()) {
                if (p.skip() == null) {
                    Instant at = now.plus(Duration.ofMinutes(turn++ / pace.perMinute()));
                    Rows.update(c, "INSERT INTO broadcast_recipients (broadcast_id, recipient_id, status, text,"
                            + " send_at, conversation_id) VALUES (?, ?, 'queued', ?, ?, ?)", id, p.person().id(),
                            p.text(), at, p.person().conversationId());
                } else {
                    Rows.update(c, "INSERT INTO broadcast_recipients (broadcast_id, recipient_id, status, reason,"
                            + " send_at) VALUES (?, ?, 'skipped', ?, ?)", id, p.person().id(), p.skip().wireName(),
                            now);
                }
            }
            return new Created(summary(c, id), false);
        });
    }

    @Override
    public List<Broadcast> list(long senderId) {
        return Rows.read(db.readers(), c -> {
            List<Long> ids = Rows.list(c, "SELECT id FROM broadcasts WHERE sender_id = ? ORDER BY created_at DESC,"
                    + " id DESC LIMIT ?", r -> r.getLong(1), senderId, Limits.MAX_BROADCAST_LIST);
            List<Broadcast> broadcasts = new ArrayList<>();
            for (long id : ids) {
                broadcasts.add(summary(c, id));
            }
            return broadcasts;
        });
    }

    @Override
    public Reply.BroadcastDetail detail(long senderId, long id) {
        return Rows.read(db.readers(), c -> {
            if (Rows.one(c, "SELECT 1 FROM broadcasts WHERE id = ? AND sender_id = ?", r -> 1, id, senderId)
                    .isEmpty()) {
                throw ProtocolException.notFound("no such broadcast");
            }
            List<BroadcastRecipient> recipients = Rows.list(c, "SELECT u.handle, u.display_name, r.status, r.reason,"
                    + " r.replied_at IS NOT NULL AS replied, EXISTS (SELECT 1 FROM broadcast_opt_outs o"
                    + " WHERE o.broadcast_id = r.broadcast_id AND o.recipient_id = r.recipient_id) AS opted_out"
                    + " FROM broadcast_recipients r JOIN users u ON u.id = r.recipient_id WHERE r.broadcast_id = ?"
                    + " ORDER BY u.handle", r -> new BroadcastRecipient(r.getString(1), r.getString(2),
                            RecipientStatus.fromWire(r.getString(3)), r.getString(4), r.getBoolean(5),
                            r.getBoolean(6)), id);
            return new Reply.BroadcastDetail(summary(c, id), recipients);
        });
    }

    @Override
    public List<long[]> due(Instant now, int limit) {
        return Rows.read(db.readers(), c -> Rows.list(c, "SELECT broadcast_id, recipient_id FROM broadcast_recipients"
                + " WHERE status = 'queued' AND send_at <= ? ORDER BY send_at, broadcast_id, recipient_id LIMIT ?",
                r -> new long[] {r.getLong(1), r.getLong(2)}, now, limit));
    }

    @Override
    public CompletableFuture<Optional<Delivery>> deliver(long broadcastId, long recipientId, Instant now) {
        return db.writes().submit(c -> {
            Optional<String> text = Rows.one(c, "SELECT text FROM broadcast_recipients WHERE broadcast_id = ?"
                    + " AND recipient_id = ? AND status = 'queued'", r -> r.getString(1), broadcastId, recipientId);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            long senderId = Rows.one(c, "SELECT sender_id FROM broadcasts WHERE id = ?", r -> r.getLong(1),
                    broadcastId).orElseThrow();
            String clientId = Rows.one(c, "SELECT client_id FROM broadcasts WHERE id = ?", r -> r.getString(1),
                    broadcastId).orElseThrow();
            Offer offer = Rows.one(c, "SELECT content FROM broadcasts WHERE id = ?", r -> read(r.getString(1)),
                    broadcastId).orElseThrow().offer();
            Long conversationId = Rows.one(c, "SELECT conversation_id FROM direct_pairs WHERE user_lo = ?"
                    + " AND user_hi = ?", r -> r.getLong(1), Math.min(senderId, recipientId),
                    Math.max(senderId, recipientId)).orElse(null);
            // Anything may have changed since it was queued: a block, a privacy setting, an opt-out. A STOP or a
            // block being committed right now through another node holds the conversation's lock: wait for it.
            if (conversationId != null) {
                SqliteConversationStore.lock(c, conversationId);
            }
            Optional<SkipReason> skip = Audience.skip(c, senderId, recipientId, conversationId);
            if (skip.isPresent()) {
                Rows.update(c, "UPDATE broadcast_recipients SET status = 'skipped', reason = ? WHERE broadcast_id = ?"
                        + " AND recipient_id = ?", skip.get().wireName(), broadcastId, recipientId);
                return Optional.of(new Delivery(senderId, summary(c, broadcastId), null));
            }
            Savepoint before = c.setSavepoint();
            try {
                long conversation = conversationId != null ? conversationId
                        : SqliteConversationStore.openDirectIn(c, senderId, recipientId, now);
                Appended appended = SqliteConversationStore.appendIn(c, conversation, senderId,
                        messageId(clientId, recipientId), text.get(), List.of(), null, null, null, offer, null, now);
                Rows.update(c, "UPDATE broadcast_recipients SET status = 'sent', conversation_id = ?, seq = ?,"
                        + " sent_at = ? WHERE broadcast_id = ? AND recipient_id = ?", conversation,
                        appended.message().seq(), now, broadcastId, recipientId);
                return Optional.of(new Delivery(senderId, summary(c, broadcastId), appended));
            } catch (ProtocolException refused) {
                c.rollback(before);
                Rows.update(c, "UPDATE broadcast_recipients SET status = 'failed', reason = ? WHERE broadcast_id = ?"
                        + " AND recipient_id = ?", refused.getMessage(), broadcastId, recipientId);
                return Optional.of(new Delivery(senderId, summary(c, broadcastId), null));
            }
        }, delivery -> delivery.map(Delivery::appended).ifPresent(db.committedMessages()));
    }

    /** How many rows meet {@code condition}, in SQL that SQLite and PostgreSQL both run (no sum of booleans). */
    private static String count(String condition) {
        return "COALESCE(SUM(CASE WHEN " + condition + " THEN 1 ELSE 0 END), 0)";
    }

    /** The message a broadcast becomes for one recipient always has the same client id, so it is stored once. */
    static UUID messageId(String broadcastClientId, long recipientId) {
        return UUID.nameUUIDFromBytes(("broadcast:" + broadcastClientId + ":" + recipientId)
                .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public BroadcastTotals totals(long senderId, Instant from, Instant to) {
        return Rows.read(db.readers(), c -> Rows.one(c, "SELECT COUNT(DISTINCT b.id),"
                + " " + count("r.status = 'sent'") + ", " + count("r.status = 'skipped'") + ","
                + " " + count("r.replied_at IS NOT NULL") + ","
                + " (SELECT COUNT(*) FROM broadcast_opt_outs o JOIN broadcasts ob ON ob.id = o.broadcast_id"
                + "  WHERE ob.sender_id = ?1 AND ob.created_at >= ?2 AND ob.created_at < ?3)"
                + " FROM broadcasts b LEFT JOIN broadcast_recipients r ON r.broadcast_id = b.id"
                + " WHERE b.sender_id = ?1 AND b.created_at >= ?2 AND b.created_at < ?3",
                r -> new BroadcastTotals(r.getInt(1), r.getInt(2), r.getInt(3), r.getInt(4), r.getInt(5)),
                senderId, from, to).orElse(BroadcastTotals.NONE));
    }

    /** One broadcast's results as they stand. */
    static Broadcast summary(Connection c, long id) throws SQLException {
        Map<String, Integer> skippedBy = new LinkedHashMap<>();
        for (Object[] row : Rows.list(c, "SELECT reason, COUNT(*) FROM broadcast_recipients WHERE broadcast_id = ?"
                + " AND status = 'skipped' GROUP BY reason ORDER BY reason", r -> new Object[] {r.getString(1),
                        r.getInt(2)}, id)) {
            skippedBy.put((String) row[0], (Integer) row[1]);
        }
        return Rows.one(c, SUMMARY + " WHERE b.id = ? GROUP BY b.id", row -> summary(row, skippedBy), id)
                .orElseThrow();
    }

    private static Broadcast summary(ResultSet row, Map<String, Integer> skippedBy) throws SQLException {
        return new Broadcast(row.getLong("id"), UUID.fromString(row.getString("client_id")),
                row.getString("segment_name"), read(row.getString("content")), instant(row, "created_at"),
                row.getInt("queued"), row.getInt("sent"), row.getInt("skipped"), row.getInt("failed"),
                row.getInt("replied"), row.getInt("opted_out"), skippedBy);
    }

    private static String write(BroadcastContent content) {
        try {
            return JSON.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a broadcast's content", e);
        }
    }

    private static BroadcastContent read(String content) {
        try {
            return JSON.readValue(content, BroadcastContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a broadcast's content", e);
        }
    }
}
