package dev.parley.client.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.protocol.ConversationSummary;
import dev.parley.protocol.GroupChange;
import dev.parley.protocol.GroupInfo;
import dev.parley.protocol.GroupRole;
import dev.parley.protocol.MediaItem;
import dev.parley.protocol.Message;
import dev.parley.protocol.MessageKind;
import dev.parley.protocol.Reaction;
import dev.parley.protocol.Offer;
import dev.parley.protocol.Proposal;
import dev.parley.protocol.Sticker;
import dev.parley.protocol.UserProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The local SQLite cache of one account: conversations, messages, sync cursors and the outbox. Not thread
 * safe by design: every call comes from the session's single I/O thread, never the JavaFX thread.
 */
public final class LocalStore implements AutoCloseable {
    private static final String MESSAGE_COLUMNS = "conversation_id, seq, client_id, sender, text, sent_at, status";
    private static final String MESSAGE_SELECT_COLUMNS = MESSAGE_COLUMNS
            + ", failure, unsent, kind, change, reply_to, card, sticker, offer, proposal";
    /** Messages the inbox preview may show: what people wrote, not deleted on this device. */
    private static final String SHOWN = " kind = 'text' AND hidden = 0";
    /** Rows a chat shows: messages, and a group's system lines (not tombstones, not deleted on this device). */
    private static final String IN_CHAT = " kind IN ('text', 'system', 'poll') AND hidden = 0";
    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);

    private final Connection db;
    private final CacheSql jdbc;
    private final MediaRows media;
    private final ReactionRows reactions;
    private final PollRows polls;
    private final ProposalRows proposals;

    private LocalStore(Connection db) {
        this.db = db;
        this.jdbc = new CacheSql(db);
        this.media = new MediaRows(jdbc);
        this.reactions = new ReactionRows(jdbc);
        this.polls = new PollRows(jdbc);
        this.proposals = new ProposalRows(jdbc);
    }

    public static LocalStore open(Path directory) {
        try {
            Files.createDirectories(directory);
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            config.setBusyTimeout(5_000);
            // Unsent and deleted text must leave the file, not just the table.
            config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
            SQLiteDataSource source = new SQLiteDataSource(config);
            source.setUrl("jdbc:sqlite:" + directory.resolve("cache.db").toAbsolutePath());
            Flyway.configure().dataSource(source).locations("classpath:dev/parley/client/store/migration")
                    .javaMigrations(new V16__OffersAndProposals()).load().migrate();
            return new LocalStore(source.getConnection());
        } catch (Exception e) {
            throw new StoreException("cannot open the local cache in " + directory, e);
        }
    }

    /** Conversations, most recently active first. */
    public List<StoredConversation> conversations() {
        return query("SELECT * FROM conversations ORDER BY last_at DESC, id DESC", LocalStore::conversation);
    }

    public Optional<StoredConversation> conversation(long id) {
        return query("SELECT * FROM conversations WHERE id = ?", LocalStore::conversation, id).stream().findFirst();
    }

    /**
     * Records what the server says about a conversation; keeps the local cursor, except that a group's cursor
     * starts just below the first seq the user may see (nothing before it ever comes).
     */
    public StoredConversation upsert(ConversationSummary summary) {
        GroupInfo group = summary.group();
        String peerHandle = group == null ? summary.peer().handle() : "";
        String peerName = group == null ? summary.peer().displayName() : group.title();
        String avatar = group == null ? summary.peer().avatar() : group.avatar();
        Message last = summary.lastMessage();
        if (last != null && !query("SELECT 1 FROM messages WHERE conversation_id = ? AND seq = ? AND hidden = 1",
                row -> 1, summary.id(), last.seq()).isEmpty()) {
            // Deleted on this device: the preview keeps following what is still shown here.
            last = null;
        }
        update("INSERT INTO conversations (id, peer_handle, peer_name, last_seq, read_seq, unread, last_text,"
                        + " last_sender, last_at, request, last_unsent, peer_read_seq, peer_avatar, last_media, last_videos)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (id) DO UPDATE SET peer_handle = excluded.peer_handle,"
                        + " peer_name = excluded.peer_name, last_seq = MAX(last_seq, excluded.last_seq),"
                        + " read_seq = MAX(read_seq, excluded.read_seq), unread = excluded.unread,"
                        + " last_text = COALESCE(excluded.last_text, last_text),"
                        + " last_sender = COALESCE(excluded.last_sender, last_sender),"
                        + " last_at = MAX(last_at, excluded.last_at), request = excluded.request,"
                        + " last_unsent = CASE WHEN excluded.last_text IS NULL THEN last_unsent"
                        + "   ELSE excluded.last_unsent END, peer_read_seq = excluded.peer_read_seq,"
                        + " peer_avatar = excluded.peer_avatar, last_media = CASE WHEN excluded.last_text IS NULL"
                        + "   THEN last_media ELSE excluded.last_media END, last_videos = CASE WHEN"
                        + "   excluded.last_text IS NULL THEN last_videos ELSE excluded.last_videos END",
                summary.id(), peerHandle, peerName, summary.lastSeq(),
                summary.readSeq(), summary.unread(), last == null ? null : previewText(last),
                last == null ? null : last.sender(), last == null ? 0 : last.sentAt().toEpochMilli(),
                summary.request() ? 1 : 0, last != null && last.unsent() ? 1 : 0, summary.peerReadSeq(),
                avatar, last == null ? 0 : last.media().size(), last == null ? 0 : videos(last.media()));
        update("UPDATE conversations SET pinned = ? WHERE id = ?", pinnedText(summary.pinned()), summary.id());
        if (last != null) {
            update("UPDATE conversations SET last_sticker = ? WHERE id = ?", last.sticker() != null ? 1 : 0,
                    summary.id());
        }
        if (group != null) {
            update("UPDATE conversations SET kind = 'group', group_members = ?, group_role = ?, group_left = ?,"
                    + " group_muted = ?, group_description = ? WHERE id = ?", group.members(),
                    group.role() == null ? null : group.role().wireName(), group.left() ? 1 : 0, group.muted() ? 1 : 0,
                    group.description(), summary.id());
            advanceCursorTo(summary.id(), group.firstSeq() - 1);
            advanceContiguousCursor(summary.id());
        }
        return conversation(summary.id()).orElseThrow();
    }

    /** Skips history older than {@code seq} for sync; older pages load on demand through history. */
    public void advanceCursorTo(long conversationId, long seq) {
        update("UPDATE conversations SET cursor = MAX(cursor, ?) WHERE id = ?", seq, conversationId);
    }

    public Map<Long, Long> cursors() {
        Map<Long, Long> cursors = new HashMap<>();
        query("SELECT id, cursor FROM conversations", row -> cursors.put(row.getLong(1), row.getLong(2)));
        return cursors;
    }

    /**
     * Stores a message from the server (a push, a sync page, an ack or history), replacing the outbox copy
     * with the same client id, moving the cursor over any now-contiguous seqs and updating the preview. A
     * tombstone erases the text of the message it names.
     *
     * @return true if it was new to the cache (not a repeat of something already stored as sent)
     */
    public boolean apply(Message message) {
        boolean known = !query("SELECT 1 FROM messages WHERE conversation_id = ? AND seq = ?", row -> 1,
                message.conversationId(), message.seq()).isEmpty();
        if (known) {
            return false;
        }
        if (!message.showsInChat()) {
            // Events keep no text; a poll keeps its question.
            update("INSERT INTO messages (" + MESSAGE_COLUMNS + ", kind, change)"
                            + " VALUES (?, ?, ?, ?, ?, ?, 'SENT', ?, ?)",
                    message.conversationId(), message.seq(), message.clientId().toString(), message.sender(),
                    message.kind() == MessageKind.POLL ? message.text() : "", message.sentAt().toEpochMilli(),
                    message.kind().wireName(), writeChange(message.change()));
            update("UPDATE conversations SET last_seq = MAX(last_seq, ?) WHERE id = ?", message.seq(),
                    message.conversationId());
            if (message.target() != null && message.kind() == MessageKind.UNSEND) {
                eraseUnsent(message.conversationId(), message.target());
            } else if (message.target() != null && message.kind() == MessageKind.REACTION) {
                reactions.set(message.conversationId(), message.target(), message.sender(),
                        message.text().isEmpty() ? null : message.text());
            } else if (message.target() != null && message.kind() == MessageKind.PIN) {
                pin(message.conversationId(), message.target(), "pin".equals(message.text()));
            } else if (message.poll() != null && message.kind() == MessageKind.POLL) {
                polls.results(message.conversationId(), message.seq(), message.seq(), message.poll());
            } else if (message.poll() != null && message.target() != null
                    && message.kind() == MessageKind.POLL_UPDATE) {
                polls.results(message.conversationId(), message.target(), message.seq(), message.poll());
            } else if (message.proposal() != null && message.target() != null
                    && message.kind() == MessageKind.PROPOSAL_UPDATE) {
                proposals.status(message.conversationId(), message.target(), message.proposal());
            }
            advanceContiguousCursor(message.conversationId());
            return true;
        }
        if (!message.media().isEmpty()) {
            media.record(message.sender(), message.clientId(), message.media().stream().map(OutboxMedia::stored).toList());
        }
        String card = writeCard(message.card());
        String sticker = writeSticker(message.sticker());
        String offer = ProposalRows.write(message.offer());
        String proposal = ProposalRows.write(message.proposal() == null ? null : message.proposal().content());
        int replaced = update("UPDATE messages SET seq = ?, sent_at = ?, text = ?, status = 'SENT', reply_to = ?,"
                        + " card = ?, sticker = ?, offer = ?, proposal = ? WHERE sender = ? AND client_id = ?",
                message.seq(), message.sentAt().toEpochMilli(), message.text(), message.replyTo(), card, sticker,
                offer, proposal, message.sender(), message.clientId().toString());
        if (replaced == 0) {
            update("INSERT INTO messages (" + MESSAGE_COLUMNS + ", unsent, reply_to, card, sticker, offer, proposal)"
                            + " VALUES (?, ?, ?, ?, ?, ?, 'SENT', ?, ?, ?, ?, ?, ?)",
                    message.conversationId(), message.seq(), message.clientId().toString(), message.sender(),
                    message.text(), message.sentAt().toEpochMilli(), message.unsent() ? 1 : 0, message.replyTo(),
                    card, sticker, offer, proposal);
        }
        if (message.proposal() != null) {
            proposals.status(message.conversationId(), message.seq(), message.proposal());
        }
        reactions.replace(message.conversationId(), message.seq(), message.reactions());
        update("UPDATE conversations SET last_seq = MAX(last_seq, ?) WHERE id = ?", message.seq(),
                message.conversationId());
        update("UPDATE conversations SET last_text = ?, last_sender = ?, last_at = ?, last_unsent = ?, last_media = ?,"
                        + " last_videos = ?, last_sticker = ? WHERE id = ? AND last_at <= ?", previewText(message),
                message.sender(), message.sentAt().toEpochMilli(), message.unsent() ? 1 : 0, message.media().size(),
                videos(message.media()), message.sticker() != null ? 1 : 0, message.conversationId(),
                message.sentAt().toEpochMilli());
        advanceContiguousCursor(message.conversationId());
        return true;
    }

    /** The sender unsent message {@code seq}: its text leaves this device for good. */
    private void eraseUnsent(long conversationId, long seq) {
        media.deleteAt(conversationId, seq);
        if (update("UPDATE messages SET text = '', sticker = NULL, offer = NULL, proposal = NULL, unsent = 1"
                + " WHERE conversation_id = ? AND seq = ?",
                conversationId, seq) > 0) {
            refreshPreview(conversationId);
            purgeOldPages();
        }
    }

    /**
     * With secure_delete the database pages hold no trace of erased text; the write-ahead log still holds the
     * old page images until a checkpoint, so fold it in and truncate it now.
     */
    private void purgeOldPages() {
        query("PRAGMA wal_checkpoint(TRUNCATE)", row -> row.getInt(1));
    }

    /**
     * Deletes a message on this device only: a sent one keeps an empty hidden row (so history does not bring
     * it back), a refused one from the outbox simply goes.
     */
    public void deleteForMe(StoredMessage message) {
        if (message.seq() > 0) {
            media.deleteAt(message.conversationId(), message.seq());
            update("UPDATE messages SET text = '', sticker = NULL, offer = NULL, proposal = NULL, hidden = 1"
                    + " WHERE conversation_id = ? AND seq = ?",
                    message.conversationId(), message.seq());
        } else if (update("DELETE FROM messages WHERE sender = ? AND client_id = ? AND status = 'FAILED'",
                message.sender(), message.clientId().toString()) > 0) {
            media.delete(message.sender(), message.clientId());
        }
        refreshPreview(message.conversationId());
        purgeOldPages();
    }

    /** One message (or system line) as the cache holds it now, if it is still shown. */
    public Optional<StoredMessage> message(long conversationId, long seq) {
        return query("SELECT " + MESSAGE_SELECT_COLUMNS + " FROM messages WHERE conversation_id = ? AND seq = ? AND"
                + IN_CHAT, LocalStore::message, conversationId, seq).stream().findFirst().map(this::complete);
    }

    /** The inbox preview follows the newest message still shown (its text erased if it was unsent). */
    private void refreshPreview(long conversationId) {
        List<StoredMessage> newest = query("SELECT " + MESSAGE_SELECT_COLUMNS + " FROM messages WHERE conversation_id = ?"
                + " AND" + SHOWN + " ORDER BY seq IS NULL DESC, seq DESC, local_id DESC LIMIT 1", LocalStore::message,
                conversationId);
        StoredMessage last = newest.isEmpty() ? null : complete(newest.get(0));
        update("UPDATE conversations SET last_text = ?, last_sender = ?, last_unsent = ?, last_media = ?,"
                        + " last_videos = ?, last_sticker = ? WHERE id = ?", last == null ? "" : previewText(last),
                last == null ? null : last.sender(), last != null && last.unsent() ? 1 : 0,
                last == null ? 0 : last.media().size(), last == null ? 0 : videos(last.media()),
                last != null && last.sticker() != null ? 1 : 0, conversationId);
    }

    /** How far the other person has read (both share read receipts), or null to stop showing it. */
    public void setPeerReadSeq(long conversationId, Long seq) {
        update("UPDATE conversations SET peer_read_seq = ? WHERE id = ?", seq, conversationId);
    }

    private void advanceContiguousCursor(long conversationId) {
        // One step per present next seq: a message that fills a gap lets the cursor run over what followed it.
        while (update("UPDATE conversations SET cursor = cursor + 1 WHERE id = ? AND EXISTS (SELECT 1 FROM messages m"
                + " WHERE m.conversation_id = conversations.id AND m.seq = conversations.cursor + 1)",
                conversationId) > 0) {
            continue;
        }
    }

    /** This device voted in poll {@code seq} for {@code options} (empty: retracted its vote). */
    public void recordVote(long conversationId, long seq, List<Integer> options) {
        polls.voted(conversationId, seq, options);
    }

    /** Puts an own message into the outbox. */
    public StoredMessage enqueue(long conversationId, UUID clientId, String sender, String text, Instant now) {
        return enqueue(conversationId, clientId, sender, text, now, (Long) null);
    }

    /** Puts an own text message into the outbox; {@code replyTo} is the seq it quotes, or null. */
    public StoredMessage enqueue(long conversationId, UUID clientId, String sender, String text, Instant now,
            Long replyTo) {
        return enqueue(conversationId, clientId, sender, text, now, replyTo, null);
    }

    /** Puts an own message into the outbox, quoting {@code replyTo} and sharing {@code card} (each may be null). */
    public StoredMessage enqueue(long conversationId, UUID clientId, String sender, String text, Instant now,
            Long replyTo, UserProfile card) {
        update("INSERT INTO messages (" + MESSAGE_COLUMNS + ", reply_to, card)"
                        + " VALUES (?, NULL, ?, ?, ?, ?, 'SENDING', ?, ?)",
                conversationId, clientId.toString(), sender, text, now.toEpochMilli(), replyTo, writeCard(card));
        update("UPDATE conversations SET last_text = ?, last_sender = ?, last_at = MAX(last_at, ?), last_unsent = 0,"
                + " last_media = 0, last_sticker = 0 WHERE id = ?", text.isEmpty() && card != null ? "@" + card.handle() : text, sender,
                now.toEpochMilli(), conversationId);
        return new StoredMessage(conversationId, 0, clientId, sender, text, now, MessageStatus.SENDING)
                .withReplyAndReactions(replyTo, List.of()).withCard(card);
    }

    /**
     * Puts an own offer or proposal (one of them; the other null) into the outbox with an optional comment
     * ({@code text}, possibly empty).
     */
    public StoredMessage enqueueCarrying(long conversationId, UUID clientId, String sender, String text, Instant now,
            Offer offer, Proposal proposal) {
        update("INSERT INTO messages (" + MESSAGE_COLUMNS + ", offer, proposal)"
                        + " VALUES (?, NULL, ?, ?, ?, ?, 'SENDING', ?, ?)",
                conversationId, clientId.toString(), sender, text, now.toEpochMilli(), ProposalRows.write(offer),
                ProposalRows.write(proposal));
        update("UPDATE conversations SET last_text = ?, last_sender = ?, last_at = MAX(last_at, ?), last_unsent = 0,"
                + " last_media = 0, last_videos = 0, last_sticker = 0 WHERE id = ?",
                previewText(text, null, null, offer, proposal), sender, now.toEpochMilli(), conversationId);
        return new StoredMessage(conversationId, 0, clientId, sender, text, now, MessageStatus.SENDING)
                .withOfferAndProposal(offer, proposal);
    }

    /**
     * Every proposal this account made or received that is still shown, newest first, with its status as last
     * known.
     */
    public List<StoredMessage> proposals() {
        return complete(query("SELECT " + MESSAGE_SELECT_COLUMNS + " FROM messages WHERE proposal IS NOT NULL"
                + " AND seq IS NOT NULL AND unsent = 0 AND" + SHOWN + " ORDER BY sent_at DESC, seq DESC",
                LocalStore::message));
    }

    /** Puts an own sticker into the outbox, as a reply to {@code replyTo} (or none when null). */
    public StoredMessage enqueueSticker(long conversationId, UUID clientId, String sender, Sticker sticker, Instant now,
            Long replyTo) {
        update("INSERT INTO messages (" + MESSAGE_COLUMNS + ", reply_to, sticker)"
                        + " VALUES (?, NULL, ?, ?, '', ?, 'SENDING', ?, ?)",
                conversationId, clientId.toString(), sender, now.toEpochMilli(), replyTo, writeSticker(sticker));
        update("UPDATE conversations SET last_text = ?, last_sender = ?, last_at = MAX(last_at, ?), last_unsent = 0,"
                + " last_media = 0, last_videos = 0, last_sticker = 1 WHERE id = ?",
                sticker.emoji() == null ? "" : sticker.emoji(), sender, now.toEpochMilli(), conversationId);
        return new StoredMessage(conversationId, 0, clientId, sender, "", now, MessageStatus.SENDING)
                .withReplyAndReactions(replyTo, List.of()).withSticker(sticker);
    }

    /** Puts an own message with media into the outbox; each item's pending files hold its bytes until uploaded. */
    public StoredMessage enqueue(long conversationId, UUID clientId, String sender, String caption, Instant now,
            List<OutboxMedia> items) {
        // Media rows first: a crash in between leaves unused rows, never a photo message without its photos.
        media.record(sender, clientId, items);
        StoredMessage queued = enqueue(conversationId, clientId, sender, caption, now)
                .withMedia(items.stream().map(OutboxMedia::item).toList());
        update("UPDATE conversations SET last_media = ?, last_videos = ? WHERE id = ?", items.size(),
                videos(queued.media()), conversationId);
        return queued;
    }

    /** The media of an own message, with the files still waiting to be uploaded. */
    public List<OutboxMedia> outboxMedia(String sender, UUID clientId) {
        return media.of(sender, clientId);
    }

    /** Every upload of the message is done: its pending files are no longer needed. */
    public void uploadsDone(String sender, UUID clientId) {
        media.clearPending(sender, clientId);
    }

    /** Takes a message that was never sent out of the outbox, with its media (the user cancelled it). */
    public void discard(long conversationId, String sender, UUID clientId) {
        update("DELETE FROM messages WHERE sender = ? AND client_id = ? AND seq IS NULL", sender,
                clientId.toString());
        media.delete(sender, clientId);
        refreshPreview(conversationId);
    }

    /** The outbox in the order the messages were written. */
    public List<StoredMessage> outbox() {
        return complete(query("SELECT " + MESSAGE_SELECT_COLUMNS + " FROM messages WHERE status = 'SENDING'"
                + " ORDER BY local_id", LocalStore::message));
    }

    /** Sets an outbox message's status, and why the server refused it ({@code failure}, or null). */
    public void setStatus(String sender, UUID clientId, MessageStatus status, String failure) {
        update("UPDATE messages SET status = ?, failure = ? WHERE sender = ? AND client_id = ? AND seq IS NULL",
                status.name(), failure, sender, clientId.toString());
    }

    /**
     * The newest {@code limit} messages before {@code beforeSeq} (null: the newest of all, with the outbox),
     * oldest first.
     */
    public List<StoredMessage> messages(long conversationId, Long beforeSeq, int limit) {
        List<StoredMessage> newestFirst = beforeSeq == null
                ? query("SELECT " + MESSAGE_SELECT_COLUMNS + " FROM messages WHERE conversation_id = ? AND" + IN_CHAT
                        + " ORDER BY seq IS NULL DESC, seq DESC, local_id DESC LIMIT ?", LocalStore::message,
                        conversationId, limit)
                : query("SELECT " + MESSAGE_SELECT_COLUMNS + " FROM messages WHERE conversation_id = ? AND seq < ?"
                        + " AND" + IN_CHAT + " ORDER BY seq DESC LIMIT ?", LocalStore::message, conversationId,
                        beforeSeq, limit);
        List<StoredMessage> oldestFirst = new ArrayList<>(complete(newestFirst));
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /**
     * The seqs of this conversation's cached messages whose words match {@code terms}, newest first, at most
     * {@code limit}: what the chat's find bar steps through.
     */
    public List<Long> find(long conversationId, SearchTerms terms, int limit) {
        if (terms.isEmpty()) {
            return List.of();
        }
        return query("SELECT m.seq FROM message_search JOIN messages m ON m.local_id = message_search.rowid"
                + " WHERE message_search MATCH ? AND m.conversation_id = ? AND m.seq IS NOT NULL"
                + " AND m.kind IN ('text', 'poll') AND m.hidden = 0 AND m.unsent = 0 ORDER BY m.seq DESC LIMIT ?",
                row -> row.getLong(1), terms.indexQuery(), conversationId, limit);
    }

    /**
     * Cached messages in every conversation whose words match {@code terms}, newest first, at most {@code limit}:
     * what "Search all messages" lists.
     */
    public List<StoredMessage> search(SearchTerms terms, int limit) {
        if (terms.isEmpty()) {
            return List.of();
        }
        return complete(query("SELECT " + MESSAGE_SELECT_COLUMNS + " FROM messages WHERE local_id IN"
                + " (SELECT rowid FROM message_search WHERE message_search MATCH ?) AND seq IS NOT NULL"
                + " AND kind IN ('text', 'poll') AND hidden = 0 AND unsent = 0 ORDER BY sent_at DESC, seq DESC LIMIT ?",
                LocalStore::message, terms.indexQuery(), limit));
    }

    public void setReadCursor(long conversationId, long readSeq, int unread) {
        update("UPDATE conversations SET read_seq = MAX(read_seq, ?), unread = ? WHERE id = ?", readSeq, unread,
                conversationId);
    }

    /** The user accepted (or answered) a request: it belongs in the main list now. */
    public void clearRequest(long conversationId) {
        update("UPDATE conversations SET request = 0 WHERE id = ?", conversationId);
    }

    /** Forgets a conversation and its messages (a declined request). */
    public void forget(long conversationId) {
        media.deleteConversation(conversationId);
        reactions.deleteConversation(conversationId);
        polls.deleteConversation(conversationId);
        proposals.deleteConversation(conversationId);
        update("DELETE FROM messages WHERE conversation_id = ?", conversationId);
        update("DELETE FROM conversations WHERE id = ?", conversationId);
    }

    public void setUnread(long conversationId, int unread) {
        update("UPDATE conversations SET unread = ? WHERE id = ?", unread, conversationId);
    }

    @Override
    public void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the local cache", e);
        }
    }

    private List<StoredMessage> complete(List<StoredMessage> messages) {
        return messages.stream().map(this::complete).toList();
    }

    /** The message with what other tables hold for it: its media, and (once it has a seq) its reactions. */
    private StoredMessage complete(StoredMessage message) {
        List<OutboxMedia> items = media.of(message.sender(), message.clientId());
        StoredMessage withMedia = items.isEmpty() ? message
                : message.withMedia(items.stream().map(OutboxMedia::item).toList());
        List<Reaction> on = message.seq() > 0 ? reactions.of(message.conversationId(), message.seq()) : List.of();
        StoredMessage withReactions = on.isEmpty() ? withMedia
                : withMedia.withReplyAndReactions(withMedia.replyTo(), on);
        StoredMessage withPoll = message.seq() > 0 ? polls.of(message.conversationId(), message.seq())
                .map(withReactions::withPoll).orElse(withReactions) : withReactions;
        return message.proposal() != null && message.seq() > 0 ? withPoll.withOfferAndProposal(message.offer(),
                proposals.current(message.conversationId(), message.seq(), message.proposal())) : withPoll;
    }

    private static StoredConversation conversation(ResultSet row) throws SQLException {
        return new StoredConversation(row.getLong("id"), row.getString("peer_handle"), row.getString("peer_name"),
                row.getLong("last_seq"), row.getLong("read_seq"), row.getInt("unread"), row.getString("last_text"),
                row.getString("last_sender"), Instant.ofEpochMilli(row.getLong("last_at")), row.getInt("request") == 1,
                row.getInt("last_unsent") == 1, nullableLong(row, "peer_read_seq"), row.getString("peer_avatar"),
                row.getInt("last_media"), row.getInt("last_videos"),
                "group".equals(row.getString("kind")) ? group(row) : null, pinnedSeqs(row.getString("pinned")),
                row.getInt("last_sticker") == 1);
    }

    /**
     * What the conversation list shows of a message: its text, for a shared profile without comment @handle, for a
     * sticker its emoji (the list adds "Sticker" in the reader's language).
     */
    private static String previewText(Message message) {
        return previewText(message.text(), message.card(), message.sticker(), message.offer(), message.proposal());
    }

    private static String previewText(StoredMessage message) {
        return previewText(message.text(), message.card(), message.sticker(), message.offer(), message.proposal());
    }

    private static String previewText(String text, UserProfile card, Sticker sticker, Offer offer,
            Proposal proposal) {
        if (text.isEmpty() && offer != null) {
            return offer.title();
        }
        if (text.isEmpty() && proposal != null) {
            return proposal.idea();
        }
        if (sticker != null) {
            return sticker.emoji() == null ? "" : sticker.emoji();
        }
        return text.isEmpty() && card != null ? "@" + card.handle() : text;
    }

    /** A pin event: the message joins the end of the pinned list, or leaves it. */
    private void pin(long conversationId, long seq, boolean pinned) {
        conversation(conversationId).ifPresent(c -> {
            List<Long> seqs = new ArrayList<>(c.pinned());
            seqs.remove(seq);
            if (pinned) {
                seqs.add(seq);
            }
            update("UPDATE conversations SET pinned = ? WHERE id = ?", pinnedText(seqs), conversationId);
        });
    }

    private static String pinnedText(List<Long> seqs) {
        return String.join(",", seqs.stream().map(String::valueOf).toList());
    }

    private static List<Long> pinnedSeqs(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split(",")).map(String::strip).filter(part -> !part.isEmpty())
                .map(Long::parseLong).toList();
    }

    private static int videos(List<MediaItem> media) {
        return (int) media.stream().filter(item -> item.mime().startsWith("video/")).count();
    }

    private static StoredGroup group(ResultSet row) throws SQLException {
        String role = row.getString("group_role");
        return new StoredGroup(row.getInt("group_members"), role == null ? null : GroupRole.fromWire(role),
                row.getInt("group_left") == 1, row.getInt("group_muted") == 1, row.getString("group_description"));
    }

    private static String writeChange(GroupChange change) {
        try {
            return change == null ? null : JSON.writeValueAsString(change);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot keep a group change", e);
        }
    }

    /** A card as kept: what it shows (the account's creation time is left out). */
    private static String writeCard(UserProfile card) {
        try {
            return card == null ? null : JSON.writeValueAsString(new UserProfile(card.handle(), card.displayName(),
                    null, card.bio(), card.tags(), card.avatar()));
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot keep a profile card", e);
        }
    }

    private static String writeSticker(Sticker sticker) {
        try {
            return sticker == null ? null : JSON.writeValueAsString(sticker);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot keep a sticker", e);
        }
    }

    private static Sticker readSticker(String json) {
        try {
            return json == null ? null : JSON.readValue(json, Sticker.class);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot read a kept sticker", e);
        }
    }

    private static UserProfile readCard(String json) {
        try {
            return json == null ? null : JSON.readValue(json, UserProfile.class);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot read a kept profile card", e);
        }
    }

    private static GroupChange readChange(String json) {
        try {
            return json == null ? null : JSON.readValue(json, GroupChange.class);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot read a kept group change", e);
        }
    }

    private static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    private static StoredMessage message(ResultSet row) throws SQLException {
        return new StoredMessage(row.getLong("conversation_id"), row.getLong("seq"),
                UUID.fromString(row.getString("client_id")), row.getString("sender"), row.getString("text"),
                Instant.ofEpochMilli(row.getLong("sent_at")), MessageStatus.valueOf(row.getString("status")),
                row.getString("failure"), row.getInt("unsent") == 1, false, List.of(), readChange(row.getString("change")),
                nullableLong(row, "reply_to"), List.of(), readCard(row.getString("card")), null,
                readSticker(row.getString("sticker")), ProposalRows.read(row.getString("offer"), Offer.class),
                ProposalRows.read(row.getString("proposal"), Proposal.class));
    }

    private <T> List<T> query(String sql, CacheSql.Mapper<T> mapper, Object... params) {
        return jdbc.query(sql, mapper, params);
    }

    private int update(String sql, Object... params) {
        return jdbc.update(sql, params);
    }
}
