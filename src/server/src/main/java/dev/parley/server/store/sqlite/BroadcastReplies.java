package dev.parley.server.store.sqlite;

import dev.parley.protocol.Broadcast;
import dev.parley.protocol.ProtocolException;
import dev.parley.server.store.Appended;
import dev.parley.server.store.BroadcastReply;
import dev.parley.server.store.jdbc.Rows;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Called as someone writes in a direct chat, inside the transaction that stores their message: if the other person
 * broadcast to them, a message within 24 hours counts as a reply, and "STOP" or "unsubscribe" (alone, any case,
 * optional punctuation) opts them out of that person's broadcasts for good and gets one automatic notice in the chat.
 */
final class BroadcastReplies {
    private static final Pattern STOP = Pattern.compile("(stop|unsubscribe)\\s*[.!?]*");
    /** Written by the server in the broadcaster's name, so the recipient sees the opt-out took effect. */
    static final String NOTICE = "Automatic reply: you are unsubscribed and won't get broadcasts from %s any more.";

    private BroadcastReplies() {
    }

    static boolean isStop(String text) {
        return text != null && STOP.matcher(text.strip().toLowerCase(Locale.ROOT)).matches();
    }

    /** In a direct chat: what the message did to broadcasts its writer got from the other person; null if nothing. */
    static BroadcastReply after(Connection c, long conversationId, long writerId, String text, List<Long> members,
            Instant now) throws SQLException {
        if (members.size() != 2 || !members.contains(writerId)) {
            return null;
        }
        long senderId = members.get(0) == writerId ? members.get(1) : members.get(0);
        List<Long> received = Rows.list(c, "SELECT r.broadcast_id FROM broadcast_recipients r JOIN broadcasts b"
                + " ON b.id = r.broadcast_id WHERE r.recipient_id = ? AND r.status = 'sent' AND b.sender_id = ?"
                + " ORDER BY r.broadcast_id", r -> r.getLong(1), writerId, senderId);
        if (received.isEmpty()) {
            return null;
        }
        TreeSet<Long> changed = new TreeSet<>();
        boolean stop = isStop(text);
        if (!stop) {
            changed.addAll(Rows.list(c, "UPDATE broadcast_recipients SET replied_at = ? WHERE recipient_id = ?"
                    + " AND status = 'sent' AND replied_at IS NULL AND sent_at >= ? AND broadcast_id IN"
                    + " (SELECT id FROM broadcasts WHERE sender_id = ?) RETURNING broadcast_id", r -> r.getLong(1),
                    now, writerId, now.minus(Duration.ofDays(1)), senderId));
        }
        boolean optedOut = false;
        Appended notice = null;
        if (stop) {
            long answered = received.get(received.size() - 1);
            optedOut = Rows.update(c, "INSERT INTO broadcast_opt_outs (sender_id, recipient_id,"
                    + " broadcast_id, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    senderId, writerId, answered, now) == 1;
            if (optedOut) {
                changed.add(answered);
                notice = notice(c, conversationId, senderId, writerId, now);
            }
        }
        if (changed.isEmpty()) {
            return null;
        }
        List<Broadcast> summaries = new ArrayList<>();
        for (long id : changed) {
            summaries.add(SqliteBroadcastStore.summary(c, id));
        }
        return new BroadcastReply(senderId, summaries,
                optedOut ? SqliteContactStore.card(c, senderId, writerId) : null, notice);
    }

    /**
     * The one automatic notice, appended as the broadcaster's message; it leaves the broadcaster's read cursor where
     * it was, so the STOP still shows as unread to them. Null if it cannot be delivered (e.g. they blocked them).
     */
    private static Appended notice(Connection c, long conversationId, long senderId, long writerId, Instant now)
            throws SQLException {
        String name = Rows.one(c, "SELECT display_name FROM users WHERE id = ?", r -> r.getString(1), senderId)
                .orElseThrow();
        long readSeq = Rows.one(c, "SELECT read_seq FROM members WHERE conversation_id = ? AND user_id = ?",
                r -> r.getLong(1), conversationId, senderId).orElse(0L);
        UUID clientId = UUID.nameUUIDFromBytes(("opt-out:" + senderId + ":" + writerId)
                .getBytes(StandardCharsets.UTF_8));
        Savepoint before = c.setSavepoint();
        try {
            Appended appended = SqliteConversationStore.appendIn(c, conversationId, senderId, clientId,
                    String.format(NOTICE, name), List.of(), null, null, null, now);
            Rows.update(c, "UPDATE members SET read_seq = ? WHERE conversation_id = ? AND user_id = ?", readSeq,
                    conversationId, senderId);
            return appended;
        } catch (ProtocolException refused) {
            c.rollback(before);
            return null;
        }
    }
}
