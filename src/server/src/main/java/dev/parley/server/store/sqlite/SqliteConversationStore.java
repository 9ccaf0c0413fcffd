package dev.parley.server.store.sqlite;

import static dev.parley.server.store.jdbc.Rows.instant;

import dev.parley.protocol.ConversationSummary;
import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Limits;
import dev.parley.protocol.MediaRef;
import dev.parley.protocol.Message;
import dev.parley.protocol.MessageKind;
import dev.parley.protocol.Offer;
import dev.parley.protocol.Proposal;
import dev.parley.protocol.ProposalStatus;
import dev.parley.protocol.ProtocolException;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
import dev.parley.protocol.Sticker;
import dev.parley.protocol.UserProfile;
import dev.parley.server.social.DeliveryRules;
import dev.parley.server.social.MemberState;
import dev.parley.server.store.Appended;
import dev.parley.server.store.CommittedMessages;
import dev.parley.server.store.ConversationStore;
import dev.parley.server.store.jdbc.Database;
import dev.parley.server.store.jdbc.Rows;
import dev.parley.server.store.jdbc.WriteQueue;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** {@link ConversationStore} on the SQLite file. */
public final class SqliteConversationStore implements ConversationStore {
    static final String MESSAGE_SELECT = "SELECT m.conversation_id, m.seq, u.handle AS sender, m.client_id,"
            + " m.text, m.sent_at, m.kind, m.target_seq, m.unsent_at, m.change, m.reply_to_seq, m.card_user_id,"
            + " m.sticker_pack, m.sticker_id, m.sticker_emoji, m.sticker_media, m.offer, m.proposal,"
            + " EXISTS (SELECT 1 FROM message_media x WHERE x.conversation_id = m.conversation_id AND x.seq = m.seq)"
            + " AS has_media, EXISTS (SELECT 1 FROM reactions r WHERE r.conversation_id = m.conversation_id"
            + " AND r.seq = m.seq) AS has_reactions"
            + " FROM messages m JOIN users u ON u.id = m.sender_id";
    /**
     * The seqs member {@code me} may see, as a condition on messages {@code x}: in a group, from the line that
     * added them to the line that removed them (a former member keeps only what they saw); everything otherwise.
     */
    static final String VISIBLE_TO_ME = "x.seq >= me.from_seq AND (me.until_seq IS NULL OR x.seq <= me.until_seq)";
    /** What counts as unread for member {@code me}: others' text messages past the cursor, not unsent. */
    private static final String UNREAD = "(SELECT COUNT(*) FROM messages x WHERE x.conversation_id = me.conversation_id"
            + " AND x.seq > me.read_seq AND x.sender_id <> me.user_id AND x.kind = 'text' AND x.unsent_at IS NULL"
            + " AND " + VISIBLE_TO_ME + ")";
    /** One row per conversation of member ?: the other member's profile (or the caller's, for notes to self). */
    private static final String SUMMARY_SELECT = "SELECT c.id, c.kind, c.last_seq, me.read_seq, me.state,"
            + " me.role, me.muted, me.from_seq, me.until_seq,"
            + " u.id AS peer_id, me.user_id AS my_id, " + Profiles.COLUMNS + ", " + UNREAD + " AS unread"
            + " FROM members me JOIN conversations c ON c.id = me.conversation_id"
            + " JOIN users u ON u.id = COALESCE((SELECT o.user_id FROM members o"
            + "    WHERE o.conversation_id = c.id AND o.user_id <> me.user_id ORDER BY o.user_id LIMIT 1), me.user_id)"
            + " WHERE me.user_id = ? AND me.state <> 'DECLINED'";

    private final Database db;

    public SqliteConversationStore(Database db) {
        this.db = db;
    }

    @Override
    public CompletableFuture<Long> openDirect(long userId, long otherUserId, Instant now) {
        return db.writes().submit(c -> openDirectIn(c, userId, otherUserId, now));
    }

    /** {@link #openDirect} inside the caller's transaction. */
    static long openDirectIn(Connection c, long userId, long otherUserId, Instant now) throws SQLException {
        long lo = Math.min(userId, otherUserId);
        long hi = Math.max(userId, otherUserId);
        Optional<Long> existing = Rows.one(c,
                "SELECT conversation_id FROM direct_pairs WHERE user_lo = ? AND user_hi = ?",
                row -> row.getLong(1), lo, hi);
        if (existing.isPresent()) {
            return existing.get();
        }
        long id = Rows.insert(c,
                "INSERT INTO conversations (kind, last_activity_at, created_at) VALUES ('direct', ?, ?)", now, now);
        Rows.update(c, "INSERT INTO direct_pairs (user_lo, user_hi, conversation_id) VALUES (?, ?, ?)", lo, hi, id);
        String state = lo == hi ? MemberState.ACCEPTED.name() : MemberState.PENDING.name();
        Rows.update(c, "INSERT INTO members (conversation_id, user_id, joined_at, state) VALUES (?, ?, ?, ?)",
                id, lo, now, state);
        if (hi != lo) {
            Rows.update(c, "INSERT INTO members (conversation_id, user_id, joined_at, state) VALUES (?, ?, ?, ?)",
                    id, hi, now, state);
        }
        return id;
    }

    @Override
    public boolean hasDirect(long userId, long otherUserId) {
        return Rows.read(db.readers(), c -> Rows.one(c, "SELECT 1 FROM direct_pairs WHERE user_lo = ? AND user_hi = ?",
                row -> 1, Math.min(userId, otherUserId), Math.max(userId, otherUserId)).isPresent());
    }

    @Override
    public Optional<ConversationSummary> summary(long conversationId, long userId) {
        return Rows.read(db.readers(), c -> Rows.one(c, SUMMARY_SELECT + " AND c.id = ?",
                row -> summary(c, row), userId, conversationId));
    }

    @Override
    public List<ConversationSummary> list(long userId) {
        return Rows.read(db.readers(), c -> Rows.list(c,
                SUMMARY_SELECT + " ORDER BY c.last_activity_at DESC, c.id DESC", row -> summary(c, row), userId));
    }

    private static ConversationSummary summary(Connection c, ResultSet row) throws SQLException {
        ConversationSummary summary = "group".equals(row.getString("kind")) ? GroupRows.summary(c, row)
                : directSummary(c, row);
        return summary.withPinned(pinned(c, summary.id(), row.getLong("my_id")));
    }

    /** The pinned messages the user can see, oldest pin first. */
    private static List<Long> pinned(Connection c, long conversationId, long userId) throws SQLException {
        long[] window = visibleWindow(c, conversationId, userId);
        return Rows.list(c, "SELECT seq FROM messages WHERE conversation_id = ? AND pinned_at IS NOT NULL"
                + " AND seq >= ? AND seq <= ? ORDER BY pinned_at, seq", r -> r.getLong(1), conversationId,
                window[0], window[1]);
    }

    private static ConversationSummary directSummary(Connection c, ResultSet row) throws SQLException {
        long id = row.getLong("id");
        long lastSeq = row.getLong("last_seq");
        UserProfile full = Profiles.profile(row);
        // Someone who blocked the viewer shows only what the conversation itself needs: no bio, tags or picture.
        UserProfile peer = SqliteSocialStore.blocks(c, row.getLong("peer_id"), row.getLong("my_id"))
                ? new UserProfile(full.handle(), full.displayName(), full.createdAt())
                : full;
        Message last = Rows.one(c, MESSAGE_SELECT + " WHERE m.conversation_id = ? AND m.kind = 'text'"
                + " ORDER BY m.seq DESC LIMIT 1", newest -> message(c, newest), id).orElse(null);
        long peerId = row.getLong("peer_id");
        Long peerReadSeq = SqliteSocialStore.sharesReceipts(c, row.getLong("my_id"), peerId)
                ? Rows.one(c, "SELECT read_seq FROM members WHERE conversation_id = ? AND user_id = ?",
                        r -> r.getLong(1), id, peerId).orElse(null)
                : null;
        return new ConversationSummary(id, peer, lastSeq, row.getLong("read_seq"), row.getInt("unread"), last,
                MemberState.REQUEST.name().equals(row.getString("state")), peerReadSeq);
    }

    @Override
    public void onMessageCommitted(java.util.function.Consumer<Appended> listener) {
        db.committedMessages().listen(listener);
    }

    /** Submits a write that yields a message, which {@link CommittedMessages} announces once it has committed. */
    private CompletableFuture<Appended> writeMessage(long conversationId, WriteQueue.Write<Appended> write) {
        return db.writes().submitFor(conversationId, write, db.committedMessages());
    }

    @Override
    public CompletableFuture<Appended> append(long conversationId, long senderId, UUID clientId, String text,
            List<MediaRef> media, Long replyTo, String card, Sticker sticker, Offer offer, Proposal proposal,
            Instant now) {
        return writeMessage(conversationId, c -> appendIn(c, conversationId, senderId, clientId, text, media,
                replyTo, card, sticker, offer, proposal, now));
    }

    /**
     * Takes the conversation's row lock for the rest of the caller's transaction. On PostgreSQL this orders a send
     * and whatever it checks against that takes the same lock (a block, an opt-out), so the later of two
     * concurrent transactions on two nodes reads what the earlier committed; SQLite has one writer anyway.
     */
    static void lock(Connection c, long conversationId) throws SQLException {
        Rows.update(c, "UPDATE conversations SET last_seq = last_seq WHERE id = ?", conversationId);
    }

    /** {@link #lock} on the direct conversation of two people, if they have one. */
    static void lockDirect(Connection c, long oneId, long otherId) throws SQLException {
        Rows.update(c, "UPDATE conversations SET last_seq = last_seq WHERE id = (SELECT conversation_id"
                + " FROM direct_pairs WHERE user_lo = ? AND user_hi = ?)", Math.min(oneId, otherId),
                Math.max(oneId, otherId));
    }

    /** {@link #append} of a message with no offer or proposal, inside the caller's transaction. */
    static Appended appendIn(Connection c, long conversationId, long senderId, UUID clientId, String text,
            List<MediaRef> media, Long replyTo, String card, Sticker sticker, Instant now) throws SQLException {
        return appendIn(c, conversationId, senderId, clientId, text, media, replyTo, card, sticker, null, null, now);
    }

    /** {@link #append} inside the caller's transaction; a refusal throws before anything is written. */
    static Appended appendIn(Connection c, long conversationId, long senderId, UUID clientId, String text,
            List<MediaRef> media, Long replyTo, String card, Sticker sticker, Offer offer, Proposal proposal,
            Instant now) throws SQLException {
        lock(c, conversationId);
        Membership membership = Membership.current(c, conversationId, senderId);
        List<Long> members = memberIds(c, conversationId);
        Optional<Message> original = earlier(c, conversationId, senderId, clientId);
        if (original.isPresent()) {
            return new Appended(original.get(), true, members);
        }
        SqliteMediaStore.requireUsable(c, senderId, media);
        if (replyTo != null) {
            requireShown(c, conversationId, senderId, replyTo);
        }
        Long cardUserId = card == null ? null : shareable(c, senderId, card);
        if (sticker != null && sticker.mediaId() != null) {
            SqliteMediaStore.requireStickerImage(c, senderId, sticker.mediaId());
        }
        if (offer != null) {
            Proposals.checkOffer(offer, now);
        }
        Long recipientId = proposal == null ? null : Proposals.recipient(membership, members, senderId);
        requireMaySend(c, membership, conversationId, senderId, members, now);
        long seq = Rows.one(c, "UPDATE conversations SET last_seq = last_seq + 1, last_activity_at = ?"
                + " WHERE id = ? RETURNING last_seq", row -> row.getLong(1), now, conversationId).orElseThrow();
        Rows.update(c, "INSERT INTO messages (conversation_id, seq, sender_id, client_id, text, sent_at,"
                + " reply_to_seq, card_user_id, sticker_pack, sticker_id, sticker_emoji, sticker_media, offer, proposal)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", conversationId, seq, senderId,
                clientId.toString(), text, now, replyTo, cardUserId, sticker == null ? null : sticker.pack(),
                sticker == null ? null : sticker.id(), sticker == null ? null : sticker.emoji(),
                sticker == null ? null : sticker.mediaId(), Proposals.write(offer),
                Proposals.write(proposal == null ? null : proposal.content()));
        if (recipientId != null) {
            Proposals.insert(c, conversationId, seq, senderId, recipientId);
        }
        // Sending a message means the sender has seen the conversation up to it.
        Rows.update(c, "UPDATE members SET read_seq = ? WHERE conversation_id = ? AND user_id = ?",
                seq, conversationId, senderId);
        String sender = Rows.one(c, "SELECT handle FROM users WHERE id = ?", row -> row.getString(1), senderId)
                .orElseThrow();
        Message message = new Message(conversationId, seq, sender, clientId, text,
                Instant.ofEpochMilli(now.toEpochMilli()), MessageKind.TEXT, null, false,
                SqliteMediaStore.attach(c, conversationId, seq, media), null, replyTo, List.of(),
                cardUserId == null ? null : card(c, cardUserId), null, sticker, offer,
                proposal == null ? null : proposal.content());
        return new Appended(message, false, members,
                SqliteScheduleStore.cancelAnsweredFollowUps(c, conversationId, senderId),
                membership.inGroup() ? null
                        : BroadcastReplies.after(c, conversationId, senderId, text, members, now));
    }

    @Override
    public CompletableFuture<Appended> unsend(long conversationId, long userId, long seq, Instant now) {
        return writeMessage(conversationId, c -> {
            Membership me = Membership.current(c, conversationId, userId);
            List<Long> members = memberIds(c, conversationId);
            Message target = Rows.one(c, MESSAGE_SELECT + " WHERE m.conversation_id = ? AND m.seq = ?",
                    row -> message(c, row), conversationId, seq)
                    .filter(Message::showsInChat)
                    .orElseThrow(() -> ProtocolException.notFound("no such message"));
            long senderId = Rows.one(c, "SELECT sender_id FROM messages WHERE conversation_id = ? AND seq = ?",
                    row -> row.getLong(1), conversationId, seq).orElseThrow();
            // In a group, owners and admins may delete anyone's message for everyone.
            if (senderId != userId && !(me.inGroup() && me.role().manages())) {
                throw new ProtocolException(ErrorCode.FORBIDDEN, "you can unsend only your own messages");
            }
            Optional<Message> tombstone = Rows.one(c, MESSAGE_SELECT + " WHERE m.conversation_id = ?"
                    + " AND m.kind = 'unsend' AND m.target_seq = ?", row -> message(c, row),
                    conversationId, seq);
            if (tombstone.isPresent()) {
                return new Appended(tombstone.get(), true, members);
            }
            long tombstoneSeq = Rows.one(c, "UPDATE conversations SET last_seq = last_seq + 1 WHERE id = ?"
                    + " RETURNING last_seq", row -> row.getLong(1), conversationId).orElseThrow();
            UUID clientId = UUID.randomUUID();
            Rows.update(c, "INSERT INTO messages (conversation_id, seq, sender_id, client_id, text, sent_at, kind,"
                    + " target_seq) VALUES (?, ?, ?, ?, '', ?, 'unsend', ?)", conversationId, tombstoneSeq, userId,
                    clientId.toString(), now, seq);
            // The content goes for good; the row stays so seqs remain gap-free and the bubble can say "unsent".
            Rows.update(c, "UPDATE messages SET text = '', unsent_at = ?, sticker_pack = NULL, sticker_id = NULL,"
                    + " sticker_emoji = NULL, sticker_media = NULL, offer = NULL, proposal = NULL"
                    + " WHERE conversation_id = ? AND seq = ?",
                    now, conversationId, seq);
            SqliteMediaStore.detach(c, conversationId, seq);
            Rows.update(c, "UPDATE members SET read_seq = MAX(read_seq, ?) WHERE conversation_id = ? AND user_id = ?",
                    tombstoneSeq, conversationId, userId);
            String unsender = Rows.one(c, "SELECT handle FROM users WHERE id = ?", row -> row.getString(1), userId)
                    .orElseThrow();
            return new Appended(new Message(conversationId, tombstoneSeq, unsender, clientId, "",
                    Instant.ofEpochMilli(now.toEpochMilli()), MessageKind.UNSEND, seq, false), false, members);
        });
    }

    @Override
    public CompletableFuture<Appended> react(long conversationId, long userId, long seq, String emoji, Instant now) {
        return writeMessage(conversationId, c -> {
            Membership me = Membership.current(c, conversationId, userId);
            List<Long> members = memberIds(c, conversationId);
            requireShown(c, conversationId, userId, seq);
            if (me.inGroup() && me.muted()) {
                throw new ProtocolException(ErrorCode.FORBIDDEN, "an admin muted you in this group");
            }
            if (java.util.Objects.equals(Reactions.current(c, conversationId, seq, userId), emoji)) {
                // Already so: the newest event that made it so is the answer, and nothing new goes out.
                return alreadySo(c, members, conversationId, MessageKind.REACTION, seq, userId);
            }
            Reactions.set(c, conversationId, seq, userId, emoji, now);
            return appendEvent(c, members, conversationId, userId, MessageKind.REACTION, seq,
                    emoji == null ? "" : emoji, now);
        });
    }

    @Override
    public CompletableFuture<Appended> pin(long conversationId, long userId, long seq, boolean pinned, Instant now) {
        return writeMessage(conversationId, c -> {
            Membership me = Membership.current(c, conversationId, userId);
            List<Long> members = memberIds(c, conversationId);
            requireShown(c, conversationId, userId, seq);
            if (me.inGroup() && !me.role().manages()) {
                throw new ProtocolException(ErrorCode.FORBIDDEN, "only the group's owner and admins pin messages");
            }
            boolean pinnedNow = Rows.one(c, "SELECT pinned_at IS NOT NULL FROM messages WHERE conversation_id = ?"
                    + " AND seq = ?", r -> r.getBoolean(1), conversationId, seq).orElse(false);
            if (pinnedNow == pinned) {
                return alreadySo(c, members, conversationId, MessageKind.PIN, seq, null);
            }
            if (pinned && Rows.one(c, "SELECT COUNT(*) FROM messages WHERE conversation_id = ? AND pinned_at IS NOT NULL",
                    r -> r.getInt(1), conversationId).orElse(0) >= Limits.MAX_PINNED) {
                throw new ProtocolException(ErrorCode.CONFLICT, "at most " + Limits.MAX_PINNED
                        + " messages can be pinned; unpin one first");
            }
            Rows.update(c, "UPDATE messages SET pinned_at = ? WHERE conversation_id = ? AND seq = ?",
                    pinned ? now : null, conversationId, seq);
            return appendEvent(c, members, conversationId, userId, MessageKind.PIN, seq, pinned ? "pin" : "unpin", now);
        });
    }

    /**
     * Appends an event about message {@code target} (a reaction, a pin) with the next seq; the user has then seen
     * the conversation up to it.
     */
    private static Appended appendEvent(Connection c, List<Long> members, long conversationId, long userId,
            MessageKind kind, long target, String text, Instant now) throws SQLException {
        long eventSeq = Rows.one(c, "UPDATE conversations SET last_seq = last_seq + 1 WHERE id = ?"
                + " RETURNING last_seq", row -> row.getLong(1), conversationId).orElseThrow();
        UUID clientId = UUID.randomUUID();
        Rows.update(c, "INSERT INTO messages (conversation_id, seq, sender_id, client_id, text, sent_at, kind,"
                + " target_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", conversationId, eventSeq, userId,
                clientId.toString(), text, now, kind.wireName(), target);
        Rows.update(c, "UPDATE members SET read_seq = MAX(read_seq, ?) WHERE conversation_id = ? AND user_id = ?",
                eventSeq, conversationId, userId);
        String sender = Rows.one(c, "SELECT handle FROM users WHERE id = ?", row -> row.getString(1), userId)
                .orElseThrow();
        return new Appended(new Message(conversationId, eventSeq, sender, clientId, text,
                Instant.ofEpochMilli(now.toEpochMilli()), kind, target, false), false, members);
    }

    /**
     * Asking for what is already so: the newest event of this kind about {@code target} (by {@code userId}, or by
     * anyone when null) answers as a duplicate, or the message itself when there never was one.
     */
    private static Appended alreadySo(Connection c, List<Long> members, long conversationId, MessageKind kind,
            long target, Long userId) throws SQLException {
        Optional<Message> made = Rows.one(c, MESSAGE_SELECT + " WHERE m.conversation_id = ? AND m.kind = ?"
                + " AND m.target_seq = ? AND (CAST(? AS BIGINT) IS NULL OR m.sender_id = ?)"
                + " ORDER BY m.seq DESC LIMIT 1",
                row -> message(c, row), conversationId, kind.wireName(), target, userId, userId);
        Message answer = made.isPresent() ? made.get() : Rows.one(c, MESSAGE_SELECT
                + " WHERE m.conversation_id = ? AND m.seq = ?", row -> message(c, row), conversationId, target)
                .orElseThrow();
        return new Appended(answer, true, members);
    }

    /** The id of the person a card shares, if the sender may share them: they exist and no block stands between. */
    private static long shareable(Connection c, long senderId, String handle) throws SQLException {
        long id = Rows.one(c, "SELECT id FROM users WHERE handle = ?", r -> r.getLong(1), handle)
                .orElseThrow(() -> ProtocolException.notFound("no such person"));
        if (SqliteSocialStore.blocks(c, id, senderId) || SqliteSocialStore.blocks(c, senderId, id)) {
            throw ProtocolException.notFound("no such person");
        }
        return id;
    }

    /** The public face of a shared profile: name, handle, bio, tags and picture as they are now. */
    private static UserProfile card(Connection c, long userId) throws SQLException {
        return Rows.one(c, "SELECT " + Profiles.COLUMNS + " FROM users u WHERE u.id = ?", Profiles::profile, userId)
                .orElse(null);
    }

    /**
     * The message the sender already stored with {@code clientId}, if any; {@code conflict} when that was in
     * another conversation.
     */
    static Optional<Message> earlier(Connection c, long conversationId, long senderId, UUID clientId)
            throws SQLException {
        Optional<Message> original = Rows.one(c, MESSAGE_SELECT + " WHERE m.sender_id = ? AND m.client_id = ?",
                row -> message(c, row), senderId, clientId.toString());
        if (original.isPresent() && original.get().conversationId() != conversationId) {
            throw new ProtocolException(ErrorCode.CONFLICT,
                    "this clientId was already used for a message in another conversation");
        }
        return original;
    }

    /** A muted group member may not write; in a direct conversation the delivery rules decide. */
    static void requireMaySend(Connection c, Membership membership, long conversationId, long senderId,
            List<Long> members, Instant now) throws SQLException {
        if (membership.inGroup()) {
            if (membership.muted()) {
                throw new ProtocolException(ErrorCode.FORBIDDEN, "an admin muted you in this group");
            }
        } else {
            checkDelivery(c, conversationId, senderId, members, now);
        }
    }

    @Override
    public CompletableFuture<Appended> createPoll(long conversationId, long userId, Request.PollCreate poll,
            Instant now) {
        return writeMessage(conversationId, c -> Polls.create(c, conversationId, userId, poll, now));
    }

    @Override
    public CompletableFuture<Appended> votePoll(long conversationId, long userId, long seq, List<Integer> options,
            Instant now) {
        return writeMessage(conversationId, c -> Polls.vote(c, conversationId, userId, seq, options, now));
    }

    @Override
    public CompletableFuture<Appended> respondToProposal(long conversationId, long userId, long seq,
            ProposalStatus status, Instant now) {
        return writeMessage(conversationId, c -> Proposals.respond(c, conversationId, userId, seq, status, now));
    }

    @Override
    public CompletableFuture<Appended> closePoll(long conversationId, long userId, long seq, Instant now) {
        return writeMessage(conversationId, c -> Polls.close(c, conversationId, userId, seq, now));
    }

    /**
     * Someone may reply or react to message {@code seq} only if it is a message (not an event) they can see and
     * it was not unsent: {@code not_found} otherwise, as for a message that does not exist.
     */
    private static void requireShown(Connection c, long conversationId, long userId, long seq) throws SQLException {
        long[] window = visibleWindow(c, conversationId, userId);
        boolean shown = seq >= window[0] && seq <= window[1] && Rows.one(c, "SELECT 1 FROM messages"
                + " WHERE conversation_id = ? AND seq = ? AND kind = 'text' AND unsent_at IS NULL", row -> 1,
                conversationId, seq).isPresent();
        if (!shown) {
            throw ProtocolException.notFound("no such message");
        }
    }

    @Override
    public List<Long> members(long conversationId) {
        return Rows.read(db.readers(), c -> memberIds(c, conversationId));
    }

    @Override
    public CompletableFuture<Reply.ReadCursor> markRead(long conversationId, long userId, long seq) {
        return db.writes().submitFor(conversationId, c -> {
            int changed = Rows.update(c, "UPDATE members SET read_seq = MAX(read_seq,"
                    + " MIN(?, COALESCE(until_seq, (SELECT last_seq FROM conversations WHERE id = ?))))"
                    + " WHERE conversation_id = ? AND user_id = ?", seq, conversationId, conversationId, userId);
            if (changed == 0) {
                throw ProtocolException.notFound("no such conversation");
            }
            return Rows.one(c, "SELECT me.read_seq, " + UNREAD + " FROM members me"
                    + " WHERE me.conversation_id = ? AND me.user_id = ?",
                    row -> new Reply.ReadCursor(conversationId, row.getLong(1), row.getInt(2)),
                    conversationId, userId).orElseThrow();
        }, null);
    }

    @Override
    public Reply.History history(long conversationId, long userId, Long beforeSeq, int limit) {
        return Rows.read(db.readers(), c -> {
            long[] window = visibleWindow(c, conversationId, userId);
            long before = beforeSeq == null ? Long.MAX_VALUE : beforeSeq;
            List<Message> newestFirst = Rows.list(c, MESSAGE_SELECT
                    + " WHERE m.conversation_id = ? AND m.seq < ? AND m.seq >= ? AND m.seq <= ?"
                    + " ORDER BY m.seq DESC LIMIT ?",
                    row -> message(c, row), conversationId, before, window[0], window[1], limit + 1);
            List<Message> page = withinTextBudget(newestFirst.subList(0, Math.min(limit, newestFirst.size())));
            boolean hasMore = newestFirst.size() > page.size();
            java.util.Collections.reverse(page);
            return new Reply.History(conversationId, page, hasMore);
        });
    }

    @Override
    public Reply.SyncPage after(long userId, Map<Long, Long> cursors, int limit) {
        return Rows.read(db.readers(), c -> {
            // A former group member reads up to the line that removed them; a member from the line that added them.
            List<long[]> behind = Rows.list(c, "SELECT c.id, COALESCE(me.until_seq, c.last_seq), me.from_seq"
                    + " FROM members me JOIN conversations c ON c.id = me.conversation_id WHERE me.user_id = ?"
                    + " ORDER BY c.id",
                    row -> new long[] {row.getLong(1), row.getLong(2), row.getLong(3)}, userId);
            List<Message> messages = new ArrayList<>();
            boolean more = false;
            for (long[] conversation : behind) {
                long cursor = Math.max(cursors.getOrDefault(conversation[0], 0L), conversation[2] - 1);
                if (conversation[1] <= cursor) {
                    continue;
                }
                int room = limit - messages.size();
                if (room == 0) {
                    more = true;
                    break;
                }
                List<Message> batch = Rows.list(c, MESSAGE_SELECT + " WHERE m.conversation_id = ? AND m.seq > ?"
                        + " AND m.seq <= ? ORDER BY m.seq LIMIT ?", row -> message(c, row), conversation[0], cursor,
                        conversation[1], room);
                messages.addAll(batch);
                if (conversation[1] - cursor > room) {
                    more = true;
                    break;
                }
            }
            List<Message> page = withinTextBudget(messages);
            return new Reply.SyncPage(page, more || page.size() < messages.size());
        });
    }

    /**
     * Applies {@link DeliveryRules} inside the send's transaction, so a block or a privacy change committed
     * before it always wins; refuses with a typed error, or records the members' new states.
     */
    private static void checkDelivery(Connection c, long conversationId, long senderId, List<Long> members,
            Instant now) throws SQLException {
        if (members.size() != 2) {
            return;
        }
        long recipientId = members.get(0) == senderId ? members.get(1) : members.get(0);
        MemberState recipientState = memberState(c, conversationId, recipientId);
        DeliveryRules.Decision decision = deliveryDecision(c, conversationId, senderId, recipientId);
        if (decision instanceof DeliveryRules.Decision.Refuse refuse) {
            throw new ProtocolException(refuse.code(), refuse.message());
        }
        MemberState next = ((DeliveryRules.Decision.Deliver) decision).recipientState();
        if (next != recipientState) {
            Rows.update(c, "UPDATE members SET state = ? WHERE conversation_id = ? AND user_id = ?", next.name(),
                    conversationId, recipientId);
        }
        // Writing in a conversation accepts it (replying to a request accepts the request, which insights count).
        Rows.update(c, "UPDATE members SET request_decision = 'ACCEPTED', request_decided_at = ?"
                + " WHERE conversation_id = ? AND user_id = ? AND state = 'REQUEST'", now, conversationId, senderId);
        Rows.update(c, "UPDATE members SET state = 'ACCEPTED' WHERE conversation_id = ? AND user_id = ?",
                conversationId, senderId);
    }

    /** Whether a message from the sender would reach the recipient in their direct conversation now; changes nothing. */
    static DeliveryRules.Decision deliveryDecision(Connection c, long conversationId, long senderId, long recipientId)
            throws SQLException {
        // Polls count like messages, so a stranger cannot get round the request limit with them. Only whether the
        // limit is reached matters, so counting stops there: a full count grew with the conversation, every send.
        int sentAsRequest = Rows.one(c, "SELECT COUNT(*) FROM (SELECT 1 FROM messages WHERE conversation_id = ?"
                + " AND sender_id = ? AND kind IN ('text', 'poll') LIMIT ?) AS sent",
                row -> row.getInt(1), conversationId, senderId, DeliveryRules.REQUEST_MESSAGE_LIMIT).orElse(0);
        DeliveryRules.Situation situation = new DeliveryRules.Situation(
                SqliteSocialStore.dmPolicy(c, senderId), SqliteSocialStore.dmPolicy(c, recipientId),
                SqliteSocialStore.follows(c, senderId, recipientId) && SqliteSocialStore.follows(c, recipientId, senderId),
                SqliteSocialStore.blocks(c, senderId, recipientId), SqliteSocialStore.blocks(c, recipientId, senderId),
                memberState(c, conversationId, recipientId), sentAsRequest);
        return DeliveryRules.decide(situation);
    }

    private static MemberState memberState(Connection c, long conversationId, long userId) throws SQLException {
        return MemberState.valueOf(Rows.one(c, "SELECT state FROM members WHERE conversation_id = ? AND user_id = ?",
                row -> row.getString(1), conversationId, userId).orElseThrow());
    }

    /** The longest prefix (at least one message) whose text fits one reply's budget. */
    private static List<Message> withinTextBudget(List<Message> messages) {
        long chars = 0;
        for (int i = 0; i < messages.size(); i++) {
            chars += messages.get(i).text().length();
            if (chars > Limits.MAX_REPLY_TEXT_CHARS && i > 0) {
                return new ArrayList<>(messages.subList(0, i));
            }
        }
        return new ArrayList<>(messages);
    }

    /** Current members (people who left or were removed from a group are not). */
    static List<Long> memberIds(Connection c, long conversationId) throws SQLException {
        return Rows.list(c, "SELECT user_id FROM members WHERE conversation_id = ? AND until_seq IS NULL"
                + " ORDER BY user_id", row -> row.getLong(1), conversationId);
    }

    /** The seqs [first, last] the user may read; {@code not_found} when they were never a member. */
    static long[] visibleWindow(Connection c, long conversationId, long userId) throws SQLException {
        return Rows.one(c, "SELECT from_seq, COALESCE(until_seq, " + Long.MAX_VALUE + ") FROM members"
                + " WHERE conversation_id = ? AND user_id = ?", row -> new long[] {row.getLong(1), row.getLong(2)},
                conversationId, userId).orElseThrow(() -> ProtocolException.notFound("no such conversation"));
    }

    /** The sticker a message row carries, or null. */
    private static Sticker sticker(ResultSet row) throws SQLException {
        String pack = row.getString("sticker_pack");
        return pack == null ? null : new Sticker(pack, row.getString("sticker_id"), row.getString("sticker_emoji"),
                row.getString("sticker_media"));
    }

    private static Long cardUserId(ResultSet row) throws SQLException {
        long id = row.getLong("card_user_id");
        return row.wasNull() ? null : id;
    }

    @Override
    public boolean isGroup(long conversationId) {
        return Rows.read(db.readers(), c -> Rows.one(c, "SELECT 1 FROM conversations WHERE id = ? AND kind = 'group'",
                row -> 1, conversationId).isPresent());
    }

    static Message message(Connection c, ResultSet row) throws SQLException {
        long target = row.getLong("target_seq");
        Long targetSeq = row.wasNull() ? null : target;
        row.getLong("unsent_at");
        boolean unsent = !row.wasNull();
        long conversationId = row.getLong("conversation_id");
        long seq = row.getLong("seq");
        long replyTo = row.getLong("reply_to_seq");
        Long replyToSeq = row.wasNull() ? null : replyTo;
        MessageKind kind = MessageKind.fromWire(row.getString("kind"));
        return new Message(conversationId, seq, row.getString("sender"),
                UUID.fromString(row.getString("client_id")), row.getString("text"), instant(row, "sent_at"),
                kind, targetSeq, unsent,
                row.getBoolean("has_media") ? SqliteMediaStore.of(c, conversationId, seq) : List.of(),
                GroupChanges.read(row.getString("change")), replyToSeq,
                row.getBoolean("has_reactions") && !unsent ? Reactions.of(c, conversationId, seq) : List.of(),
                cardUserId(row) == null || unsent ? null : card(c, cardUserId(row)),
                Polls.of(c, kind, conversationId, seq, targetSeq), unsent ? null : sticker(row),
                Proposals.offer(row, unsent), Proposals.of(c, row, kind, conversationId, seq, targetSeq, unsent));
    }
}
