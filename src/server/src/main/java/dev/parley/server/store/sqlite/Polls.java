package dev.parley.server.store.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.GroupRole;
import dev.parley.protocol.Message;
import dev.parley.protocol.MessageKind;
import dev.parley.protocol.Poll;
import dev.parley.protocol.PollOption;
import dev.parley.protocol.ProtocolException;
import dev.parley.protocol.Request;
import dev.parley.server.store.Appended;
import dev.parley.server.store.jdbc.Rows;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code polls} and {@code poll_votes} tables: creating, voting in and closing polls inside the caller's
 * transaction, and a poll's results for the wire. An anonymous poll's results are read as counts only, so no
 * voter's handle is ever loaded for it.
 */
final class Polls {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Polls() {
    }

    /** The poll a row of this kind carries (its own for a poll, its target's for an update), or null. */
    static Poll of(Connection c, MessageKind kind, long conversationId, long seq, Long target) throws SQLException {
        if (kind == MessageKind.POLL) {
            return results(c, conversationId, seq).orElse(null);
        }
        if (kind == MessageKind.POLL_UPDATE && target != null) {
            return results(c, conversationId, target).orElse(null);
        }
        return null;
    }

    static Appended create(Connection c, long conversationId, long userId, Request.PollCreate poll, Instant now)
            throws SQLException {
        Membership membership = Membership.current(c, conversationId, userId);
        List<Long> members = SqliteConversationStore.memberIds(c, conversationId);
        Optional<Message> original = SqliteConversationStore.earlier(c, conversationId, userId, poll.clientId());
        if (original.isPresent()) {
            return new Appended(original.get(), true, members);
        }
        SqliteConversationStore.requireMaySend(c, membership, conversationId, userId, members, now);
        long seq = Rows.one(c, "UPDATE conversations SET last_seq = last_seq + 1, last_activity_at = ?"
                + " WHERE id = ? RETURNING last_seq", row -> row.getLong(1), now, conversationId).orElseThrow();
        Rows.update(c, "INSERT INTO messages (conversation_id, seq, sender_id, client_id, text, sent_at, kind)"
                + " VALUES (?, ?, ?, ?, ?, ?, 'poll')", conversationId, seq, userId, poll.clientId().toString(),
                poll.question(), now);
        Rows.update(c, "INSERT INTO polls (conversation_id, seq, options, multiple, anonymous) VALUES (?, ?, ?, ?, ?)",
                conversationId, seq, write(poll.options()), poll.multiple() ? 1 : 0, poll.anonymous() ? 1 : 0);
        Rows.update(c, "UPDATE members SET read_seq = ? WHERE conversation_id = ? AND user_id = ?",
                seq, conversationId, userId);
        return new Appended(stored(c, conversationId, seq), false, members);
    }

    static Appended vote(Connection c, long conversationId, long userId, long seq, List<Integer> options, Instant now)
            throws SQLException {
        Membership me = Membership.current(c, conversationId, userId);
        List<Long> members = SqliteConversationStore.memberIds(c, conversationId);
        Message poll = shown(c, conversationId, userId, seq);
        if (me.inGroup() && me.muted()) {
            throw new ProtocolException(ErrorCode.FORBIDDEN, "an admin muted you in this group");
        }
        if (poll.poll().closed()) {
            throw new ProtocolException(ErrorCode.CONFLICT, "this poll is closed");
        }
        if (options.stream().anyMatch(o -> o >= poll.poll().options().size())) {
            throw ProtocolException.badRequest("this poll has " + poll.poll().options().size() + " options");
        }
        if (!poll.poll().multiple() && options.size() > 1) {
            throw ProtocolException.badRequest("this poll takes one option");
        }
        List<Integer> current = Rows.list(c, "SELECT option FROM poll_votes WHERE conversation_id = ? AND seq = ?"
                + " AND user_id = ? ORDER BY option", row -> row.getInt(1), conversationId, seq, userId);
        if (current.equals(options)) {
            return new Appended(poll, true, members);
        }
        Rows.update(c, "DELETE FROM poll_votes WHERE conversation_id = ? AND seq = ? AND user_id = ?",
                conversationId, seq, userId);
        for (int option : options) {
            Rows.update(c, "INSERT INTO poll_votes (conversation_id, seq, user_id, option, voted_at)"
                    + " VALUES (?, ?, ?, ?, ?)", conversationId, seq, userId, option, now);
        }
        return new Appended(update(c, conversationId, seq, now), false, members);
    }

    static Appended close(Connection c, long conversationId, long userId, long seq, Instant now) throws SQLException {
        Membership me = Membership.current(c, conversationId, userId);
        List<Long> members = SqliteConversationStore.memberIds(c, conversationId);
        Message poll = shown(c, conversationId, userId, seq);
        long authorId = authorId(c, conversationId, seq);
        boolean moderator = me.inGroup() && (me.role() == GroupRole.OWNER || me.role() == GroupRole.ADMIN);
        if (authorId != userId && !moderator) {
            throw new ProtocolException(ErrorCode.FORBIDDEN, "only the poll's author or a group admin can close it");
        }
        if (poll.poll().closed()) {
            return new Appended(poll, true, members);
        }
        Rows.update(c, "UPDATE polls SET closed_at = ? WHERE conversation_id = ? AND seq = ?", now, conversationId,
                seq);
        return new Appended(update(c, conversationId, seq, now), false, members);
    }

    /**
     * Appends a {@code poll_update} event for poll {@code seq} with the next seq. Its sender is the poll's author,
     * whoever voted or closed, so the event never says who voted.
     */
    private static Message update(Connection c, long conversationId, long seq, Instant now) throws SQLException {
        long eventSeq = Rows.one(c, "UPDATE conversations SET last_seq = last_seq + 1 WHERE id = ?"
                + " RETURNING last_seq", row -> row.getLong(1), conversationId).orElseThrow();
        Rows.update(c, "INSERT INTO messages (conversation_id, seq, sender_id, client_id, text, sent_at, kind,"
                + " target_seq) VALUES (?, ?, ?, ?, '', ?, 'poll_update', ?)", conversationId, eventSeq,
                authorId(c, conversationId, seq), UUID.randomUUID().toString(), now, seq);
        return stored(c, conversationId, eventSeq);
    }

    /** Poll {@code seq} as the user may see it: {@code not_found} when it is no poll, unsent or out of view. */
    private static Message shown(Connection c, long conversationId, long userId, long seq) throws SQLException {
        long[] window = SqliteConversationStore.visibleWindow(c, conversationId, userId);
        Optional<Message> poll = seq < window[0] || seq > window[1] ? Optional.empty()
                : Rows.one(c, SqliteConversationStore.MESSAGE_SELECT + " WHERE m.conversation_id = ? AND m.seq = ?"
                        + " AND m.kind = 'poll' AND m.unsent_at IS NULL",
                        row -> SqliteConversationStore.message(c, row), conversationId, seq);
        return poll.orElseThrow(() -> ProtocolException.notFound("no such poll"));
    }

    private static Message stored(Connection c, long conversationId, long seq) throws SQLException {
        return Rows.one(c, SqliteConversationStore.MESSAGE_SELECT + " WHERE m.conversation_id = ? AND m.seq = ?",
                row -> SqliteConversationStore.message(c, row), conversationId, seq).orElseThrow();
    }

    private static long authorId(Connection c, long conversationId, long seq) throws SQLException {
        return Rows.one(c, "SELECT sender_id FROM messages WHERE conversation_id = ? AND seq = ?",
                row -> row.getLong(1), conversationId, seq).orElseThrow();
    }

    private static Optional<Poll> results(Connection c, long conversationId, long seq) throws SQLException {
        Optional<Object[]> row = Rows.one(c, "SELECT m.text, p.options, p.multiple, p.anonymous,"
                + " p.closed_at IS NOT NULL FROM polls p JOIN messages m ON m.conversation_id = p.conversation_id"
                + " AND m.seq = p.seq WHERE p.conversation_id = ? AND p.seq = ?",
                r -> new Object[] {r.getString(1), r.getString(2), r.getBoolean(3), r.getBoolean(4), r.getBoolean(5)},
                conversationId, seq);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        List<String> texts = read((String) row.get()[1]);
        boolean anonymous = (Boolean) row.get()[3];
        int[] votes = new int[texts.size()];
        List<List<String>> handles = new ArrayList<>();
        texts.forEach(text -> handles.add(new ArrayList<>()));
        if (anonymous) {
            // Counts only: an anonymous poll's voters are never read, so they cannot leak into a reply.
            for (int[] count : Rows.list(c, "SELECT option, COUNT(*) FROM poll_votes WHERE conversation_id = ?"
                    + " AND seq = ? GROUP BY option", r -> new int[] {r.getInt(1), r.getInt(2)}, conversationId, seq)) {
                votes[count[0]] = count[1];
            }
        } else {
            for (Object[] vote : Rows.list(c, "SELECT v.option, u.handle FROM poll_votes v JOIN users u"
                    + " ON u.id = v.user_id WHERE v.conversation_id = ? AND v.seq = ? ORDER BY v.voted_at, v.user_id",
                    r -> new Object[] {r.getInt(1), r.getString(2)}, conversationId, seq)) {
                votes[(Integer) vote[0]]++;
                handles.get((Integer) vote[0]).add((String) vote[1]);
            }
        }
        int voters = Rows.one(c, "SELECT COUNT(DISTINCT user_id) FROM poll_votes WHERE conversation_id = ? AND seq = ?",
                r -> r.getInt(1), conversationId, seq).orElse(0);
        List<PollOption> options = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            options.add(new PollOption(texts.get(i), votes[i], handles.get(i)));
        }
        return Optional.of(new Poll((String) row.get()[0], options, (Boolean) row.get()[2], anonymous,
                (Boolean) row.get()[4], voters));
    }

    private static String write(List<String> options) {
        try {
            return JSON.writeValueAsString(options);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode poll options", e);
        }
    }

    private static List<String> read(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored poll options are not readable: " + json, e);
        }
    }
}
