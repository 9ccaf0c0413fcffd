package dev.parley.client.sync;

import dev.parley.client.model.Inbox;
import dev.parley.client.net.ConnectionState;
import dev.parley.client.net.ServerConnection;
import dev.parley.client.net.ServerTrust;
import dev.parley.client.net.TrustProblem;
import dev.parley.client.store.LocalStore;
import dev.parley.client.store.MessageStatus;
import dev.parley.client.store.StoredConversation;
import dev.parley.client.store.StoredMessage;
import dev.parley.protocol.Codec;
import dev.parley.protocol.ConversationSummary;
import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Event;
import dev.parley.protocol.Message;
import dev.parley.protocol.ProtocolException;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
import dev.parley.protocol.Sticker;
import dev.parley.protocol.UserProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A signed-in account on one server: the connection, the local cache and the models, and the one place
 * where server events, sync pages and outbox acks are applied to them. Network and disk work run on the
 * session's I/O thread; the {@link Inbox}, the state and listeners change on the {@code fx} executor only.
 */
public final class ChatSession implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChatSession.class);
    /** On a fresh cache, sync fetches only this many recent messages per conversation; older ones page in. */
    private static final int INITIAL_WINDOW = 100;
    /** History pages fetched at most for one page the user asked for (when older pages hold nothing shown). */
    private static final int HISTORY_ROUNDS = 5;
    /** Refusals that retrying cannot fix: the message is marked failed for the user to see. */
    private static final Set<ErrorCode> PERMANENT = Set.of(ErrorCode.BAD_REQUEST, ErrorCode.TOO_LARGE,
            ErrorCode.NOT_FOUND, ErrorCode.CONFLICT, ErrorCode.FORBIDDEN, ErrorCode.PRIVACY_DENIED, ErrorCode.BLOCKED);

    private final UserProfile me;
    private final String token;
    private final Path cacheDir;
    private LocalStore store;
    private final ServerConnection connection;
    private final ExecutorService io;
    private final Executor fx;
    private final Clock clock;
    private final Inbox inbox = new Inbox();
    private final InboxModels models;
    private final ReadOnlyObjectWrapper<TrustProblem> trustProblem = new ReadOnlyObjectWrapper<>(this, "trustProblem");
    private final ReadOnlyObjectWrapper<ConnectionState> state =
            new ReadOnlyObjectWrapper<>(this, "state", ConnectionState.CONNECTING);
    /** Handles of the people this user blocked (changed on the fx executor only). */
    private final javafx.collections.ObservableSet<String> blocked = javafx.collections.FXCollections.observableSet();
    private final Presence presence;
    private final People people;
    private final Groups groups;
    private final ReadOnlyObjectWrapper<Reply.Privacy> privacy = new ReadOnlyObjectWrapper<>(this, "privacy");
    /** While the server asks the user to slow down: when the outbox tries again (else null); fx thread. */
    private final ReadOnlyObjectWrapper<java.time.Instant> slowedUntil = new ReadOnlyObjectWrapper<>(this, "slowedUntil");
    private final MediaUploads uploads;
    private final Schedules schedules;
    private final QuickReplies quickReplies;
    private final Outreach outreach;
    private final InsightsSource insights;
    private final PhotoOutbox photos;
    // Made on the I/O thread at start (the cache reads its folder).
    private MediaCache mediaCache;
    private MediaDownloads downloads;
    private volatile long mediaCacheCap = MediaCache.DEFAULT_CAP_BYTES;
    // I/O-thread state.
    private boolean signedIn;
    /** The last settings applied, as the I/O thread knows them (the property belongs to the fx thread). */
    private Reply.Privacy privacyOnIo;
    private boolean flushing;
    private boolean readsScheduled;
    private final java.util.Map<Long, Long> pendingReads = new java.util.HashMap<>();
    /** The conversation the user is reading right now (visible, at the bottom, window focused), or 0. */
    private volatile long reading;

    public ChatSession(URI server, String token, UserProfile me, Path cacheDir, Executor fx, Clock clock) {
        this(server, token, me, cacheDir, fx, clock, null);
    }

    /** As above; a {@code wss://} server is trusted as {@code trust} says (null: the JDK's authorities only). */
    public ChatSession(URI server, String token, UserProfile me, Path cacheDir, Executor fx, Clock clock,
            ServerTrust trust) {
        this.me = me;
        this.token = token;
        this.fx = fx;
        this.models = new InboxModels(fx, inbox);
        this.clock = clock;
        this.io = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "parley-io");
            thread.setDaemon(true);
            return thread;
        });
        this.cacheDir = cacheDir;
        this.connection = new ServerConnection(server, new Codec(), new ConnectionEvents(), trust);
        this.presence = new Presence(fx, io);
        this.people = new People(connection, io, cacheDir);
        this.groups = new Groups(connection, io, cacheDir, summary -> {
            store.upsert(summary);
            publishInbox(store.conversations());
        });
        this.uploads = new MediaUploads(connection, io);
        this.schedules = new Schedules(connection, io, fx, message -> applyMessage(message, false), uploads,
                cacheDir.resolve("scheduling"));
        this.quickReplies = new QuickReplies(connection, io, fx);
        this.outreach = new Outreach(connection, io, fx);
        this.insights = new InsightsSource(connection, io);
        this.photos = new PhotoOutbox(me.handle(), cacheDir, () -> store, uploads, () -> mediaCache, fx);
    }

    /** Shows the cached inbox at once, then connects and catches up. */
    public void start() {
        onIo(() -> {
            store = LocalStore.open(cacheDir);
            mediaCache = new MediaCache(cacheDir, mediaCacheCap, clock);
            downloads = new MediaDownloads(connection, io, mediaCache);
            publishInbox(store.conversations());
            connection.start();
        });
    }

    public UserProfile me() {
        return me;
    }

    /** The server this account is signed in to, as the window was started with it. */
    public URI server() {
        return connection.uri();
    }

    public Inbox inbox() {
        return inbox;
    }

    public ReadOnlyObjectProperty<ConnectionState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Called on the fx executor for every message added or changed in any conversation. */
    public void addMessageListener(Consumer<StoredMessage> listener) {
        models.addListener(listener);
    }

    public void removeMessageListener(Consumer<StoredMessage> listener) {
        models.removeListener(listener);
    }

    /**
     * Called on the fx executor, after the conversation's row is updated, for each message someone else wrote
     * that arrives live (pushed, not fetched in a catch-up page or history): what notifications are made of.
     */
    public void addArrivalListener(Consumer<StoredMessage> listener) {
        models.addArrivalListener(listener);
    }

    public void removeArrivalListener(Consumer<StoredMessage> listener) {
        models.removeArrivalListener(listener);
    }

    /** The session's clock: what "now" is for everything time-bound the user sees (offers' countdowns). */
    public Clock clock() {
        return clock;
    }

    /** Tells the session which conversation the user is reading now (0 for none); it is kept read. */
    public void setReading(long conversationId) {
        reading = conversationId;
    }

    public void retryConnectingNow() {
        fx.execute(() -> trustProblem.set(null));
        connection.retryNow();
    }

    /**
     * Why the server's certificate was not trusted, while that keeps the session offline (null otherwise): the
     * window asks or warns, then {@link #retryConnectingNow()}.
     */
    public ReadOnlyObjectProperty<TrustProblem> trustProblemProperty() {
        return trustProblem.getReadOnlyProperty();
    }

    /** Writes a message into the outbox (shown as sending at once) and sends it when the server is reachable. */
    public CompletableFuture<Void> send(long conversationId, String text) {
        return send(conversationId, text, null);
    }

    /**
     * Shares someone's profile into the conversation as a card, with an optional comment; through the outbox like
     * any message. The server refuses a person who does not exist or stands behind a block.
     */
    public CompletableFuture<Void> shareProfile(long conversationId, String handle, String comment) {
        Request.MessageSend validated = new Request.MessageSend(conversationId, UUID.randomUUID(), comment, null,
                null, handle);
        return onIo(() -> {
            publish(store.enqueue(conversationId, validated.clientId(), me.handle(), validated.text(),
                    clock.instant(), null, new UserProfile(validated.card(), validated.card(), null)));
            flushOutbox();
            return null;
        });
    }

    /**
     * Sends a limited-time offer, with an optional comment, through the outbox like any message. The server refuses
     * one that has already ended by the time it arrives.
     */
    public CompletableFuture<Void> sendOffer(long conversationId, dev.parley.protocol.Offer offer, String comment) {
        Request.MessageSend validated = Request.MessageSend.offer(conversationId, UUID.randomUUID(), offer, comment);
        return onIo(() -> {
            publish(store.enqueueCarrying(conversationId, validated.clientId(), me.handle(), validated.text(),
                    clock.instant(), validated.offer(), null));
            flushOutbox();
            return null;
        });
    }

    /** Sends a collaboration proposal (direct conversations only), with an optional comment, through the outbox. */
    public CompletableFuture<Void> sendProposal(long conversationId, dev.parley.protocol.Proposal proposal,
            String comment) {
        Request.MessageSend validated = Request.MessageSend.proposal(conversationId, UUID.randomUUID(), proposal,
                comment);
        return onIo(() -> {
            publish(store.enqueueCarrying(conversationId, validated.clientId(), me.handle(), validated.text(),
                    clock.instant(), null, validated.proposal()));
            flushOutbox();
            return null;
        });
    }

    /**
     * Accepts or declines a proposal made to the user, or withdraws one they made. Fails while offline and with the
     * server's refusal (for example when it was answered meanwhile); every device of both people gets the change.
     */
    public CompletableFuture<Void> respondToProposal(long conversationId, long seq,
            dev.parley.protocol.ProposalStatus status) {
        Request.ProposalRespond respond = new Request.ProposalRespond(conversationId, seq, status);
        return onIo(() -> connection.request(respond, Reply.Sent.class))
                .thenCompose(reply -> reply)
                .thenAcceptAsync(sent -> applyMessage(sent.message(), false), io);
    }

    /** Every proposal the user made or received, newest first, as the cache knows them. */
    public CompletableFuture<List<StoredMessage>> proposals() {
        return onIo(store::proposals);
    }

    /**
     * Sends a sticker through the outbox, as a reply to {@code replyTo} (or none when null). A sticker from an
     * imported pack comes with its image ({@code image}, whose SHA-256 is the sticker's media id), which goes into
     * the media cache now and is uploaded before the message; a built-in one has none (null).
     */
    public CompletableFuture<Void> sendSticker(long conversationId, Sticker sticker, byte[] image, Long replyTo) {
        Request.MessageSend validated = Request.MessageSend.sticker(conversationId, UUID.randomUUID(), sticker,
                replyTo);
        if ((image == null) != (sticker.mediaId() == null)
                || image != null && !MediaCache.sha256(image).equals(sticker.mediaId())) {
            throw new IllegalArgumentException("an imported sticker needs its image, named by its SHA-256");
        }
        return onIo(() -> {
            if (image != null) {
                try {
                    mediaCache.put(sticker.mediaId(), image);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot keep the sticker to send", e);
                }
            }
            publish(store.enqueueSticker(conversationId, validated.clientId(), me.handle(), sticker,
                    clock.instant(), replyTo));
            flushOutbox();
            return null;
        });
    }

    /** Like {@link #send(long, String)}, as a reply quoting message {@code replyTo} (or none when null). */
    public CompletableFuture<Void> send(long conversationId, String text, Long replyTo) {
        Request.MessageSend validated = new Request.MessageSend(conversationId, UUID.randomUUID(), text, null,
                replyTo);
        CompletableFuture<Void> queued = new CompletableFuture<>();
        onIo(() -> {
            try {
                publish(store.enqueue(conversationId, validated.clientId(), me.handle(), validated.text(),
                        clock.instant(), replyTo));
                queued.complete(null);
            } catch (RuntimeException e) {
                queued.completeExceptionally(e);
                throw e;
            }
            flushOutbox();
        });
        return queued;
    }

    /**
     * Writes a photo message (one or more items and a caption, possibly empty) into the outbox at once; its items
     * are uploaded, then the message is sent, exactly once. Call on the FX thread; see {@link OutgoingPhotos}.
     */
    public OutgoingPhotos sendPhotos(long conversationId, List<PreparedMedia> items, String caption) {
        UUID clientId = UUID.randomUUID();
        // Validates the count, the caption and duplicate items now, in the caller's hands.
        new Request.MessageSend(conversationId, clientId, caption,
                items.stream().map(item -> new dev.parley.protocol.MediaRef(item.sha256())).toList());
        OutgoingPhotos outgoing = new OutgoingPhotos(clientId, photos.progress(clientId), photos.sentFuture(clientId));
        onIo(() -> {
            try {
                publish(photos.enqueue(conversationId, clientId, List.copyOf(items), caption == null ? "" : caption,
                        clock.instant()));
            } catch (RuntimeException e) {
                photos.failed(clientId, e);
                throw e;
            }
            flushOutbox();
        });
        return outgoing;
    }

    /** A photo message's upload progress from 0 to 1 (also after a restart); read it on the FX thread. */
    public javafx.beans.property.ReadOnlyDoubleProperty uploadProgress(UUID clientId) {
        return photos.progress(clientId);
    }

    /**
     * Cancels a photo message still uploading: it leaves the outbox and the chat (published as deleted).
     * Completes with false when it is too late (already sent) or not a message in the outbox.
     */
    public CompletableFuture<Boolean> cancelSend(UUID clientId) {
        return onIo(() -> {
            StoredMessage cancelled = photos.cancel(clientId);
            if (cancelled != null) {
                publish(cancelled.asDeleted());
            }
            return cancelled != null;
        });
    }

    /**
     * The file of a photo, GIF or video by media id: from the cache, else downloaded (on the I/O thread) and
     * checked against its SHA-256 first. Fails while offline if it is not cached.
     */
    public CompletableFuture<Path> media(String mediaId) {
        return onIo(() -> downloads.fetch(mediaId)).thenCompose(download -> download);
    }

    /** Sets the media cache's size cap (default 500 MB); least recently used files beyond it go. */
    public void setMediaCacheCap(long bytes) {
        mediaCacheCap = bytes;
        onIo(() -> {
            if (mediaCache != null) {
                mediaCache.setCap(bytes);
            }
        });
    }

    /** How many bytes the media cache holds now. */
    public CompletableFuture<Long> mediaCacheBytes() {
        return onIo(() -> mediaCache == null ? 0L : mediaCache.totalBytes());
    }

    /**
     * Empties the media cache, keeping the photos and videos of messages still in the outbox (their pending
     * uploads live elsewhere and are never touched); completes with the bytes the cache still holds.
     */
    public CompletableFuture<Long> clearMediaCache() {
        return onIo(() -> {
            if (mediaCache == null) {
                return 0L;
            }
            Set<String> keep = new java.util.HashSet<>();
            for (StoredMessage message : store.outbox()) {
                for (var item : message.media()) {
                    keep.add(item.mediaId());
                    if (item.thumbnail() != null) {
                        keep.add(item.thumbnail().mediaId());
                    }
                }
            }
            mediaCache.clear(keep);
            log.info("cleared the media cache, kept {} file(s) of messages in the outbox", keep.size());
            return mediaCache.totalBytes();
        });
    }

    /** Drops the connection as a network failure would; it reconnects and catches up. For tests. */
    void dropConnection() {
        connection.reconnect();
    }

    MediaUploads uploads() {
        return uploads;
    }

    /** Puts a failed message back into the outbox. */
    public void retry(UUID clientId) {
        onIo(() -> {
            store.setStatus(me.handle(), clientId, MessageStatus.SENDING, null);
            store.outbox().stream().filter(m -> m.clientId().equals(clientId)).findFirst().ifPresent(this::publish);
            flushOutbox();
        });
    }

    /**
     * Unsends one of the user's sent messages for everyone; completes once the server has erased it (and this
     * device has too). Fails while offline: unsending must reach the server to mean anything.
     */
    public CompletableFuture<Void> unsend(long conversationId, long seq) {
        return onIo(() -> connection.request(new Request.MessageUnsend(conversationId, seq), Reply.Sent.class))
                .thenCompose(reply -> reply)
                .thenAcceptAsync(sent -> applyMessage(sent.message(), false), io);
    }

    /**
     * Sets the user's reaction to message {@code seq} ({@code emoji}), or removes it (null); every device of every
     * member sees the change. Fails while offline (nothing is queued: reacting again later is the retry).
     */
    public CompletableFuture<Void> react(long conversationId, long seq, String emoji) {
        return onIo(() -> connection.request(new Request.MessageReact(conversationId, seq, emoji), Reply.Sent.class))
                .thenCompose(reply -> reply)
                .thenAcceptAsync(sent -> applyMessage(sent.message(), false), io);
    }

    /** Pins or unpins message {@code seq} for everyone in the conversation (in a group: owners and admins). */
    public CompletableFuture<Void> pin(long conversationId, long seq, boolean pinned) {
        return onIo(() -> connection.request(new Request.MessagePin(conversationId, seq, pinned), Reply.Sent.class))
                .thenCompose(reply -> reply)
                .thenAcceptAsync(sent -> applyMessage(sent.message(), false), io);
    }

    /**
     * Starts a poll in the conversation; it shows once the server stored it. Fails while offline (nothing is
     * queued) and with the server's refusal; a lost reply is safe to retry with the same request.
     */
    public CompletableFuture<Void> createPoll(Request.PollCreate poll) {
        return onIo(() -> connection.request(poll, Reply.Sent.class))
                .thenCompose(reply -> reply)
                .thenAcceptAsync(sent -> applyMessage(sent.message(), false), io);
    }

    /**
     * Sets the user's vote in poll {@code seq} to {@code options} (empty retracts it). This device remembers the
     * choice, which is how it knows it in an anonymous poll; every member's devices get the new results.
     */
    public CompletableFuture<Void> vote(long conversationId, long seq, java.util.List<Integer> options) {
        Request.PollVote vote = new Request.PollVote(conversationId, seq, options);
        return onIo(() -> connection.request(vote, Reply.Sent.class))
                .thenCompose(reply -> reply)
                .thenAcceptAsync(sent -> {
                    store.recordVote(conversationId, seq, vote.options());
                    applyMessage(sent.message(), false);
                    store.message(conversationId, seq).ifPresent(this::publish);
                }, io);
    }

    /** Closes poll {@code seq} (its author, or a group's owner or admin): no more votes. */
    public CompletableFuture<Void> closePoll(long conversationId, long seq) {
        return onIo(() -> connection.request(new Request.PollClose(conversationId, seq), Reply.Sent.class))
                .thenCompose(reply -> reply)
                .thenAcceptAsync(sent -> applyMessage(sent.message(), false), io);
    }

    /** Deletes a message on this device only (a sent one, or a refused one from the outbox). */
    public CompletableFuture<Void> deleteForMe(StoredMessage message) {
        return onIo(() -> {
            if (message.seq() == 0) {
                photos.forgetFiles(message.clientId());
            }
            store.deleteForMe(message);
            publish(message.asDeleted());
            return null;
        });
    }

    /** Tells the other person the user is typing, when the user shares that; cheap to call on every key. */
    public void typing(long conversationId) {
        Reply.Privacy mine = privacy.get();
        if (mine != null && mine.presence() == dev.parley.protocol.PresenceVisibility.FRIENDS
                && presence.mayAnnounceTyping(conversationId)) {
            onIo(() -> {
                if (signedIn) {
                    connection.request(new Request.Typing(conversationId), Reply.Empty.class);
                }
            });
        }
    }

    /** Who is online and who is typing, as friends share it; read on the fx thread. */
    /** Profiles, search, following and pictures. */
    /** This account's local data folder on this device (cache, media, small preferences). */
    public Path cacheDir() {
        return cacheDir;
    }

    public People people() {
        return people;
    }

    /** Creating groups and listing their members. */
    public Groups groups() {
        return groups;
    }

    /** Scheduled messages and follow-ups, which the server keeps and sends. */
    public Schedules schedules() {
        return schedules;
    }

    /** Quick replies and the contact fields they draw on. */
    public QuickReplies quickReplies() {
        return quickReplies;
    }

    /** Labels and notes about contacts, segments and broadcasts. */
    public Outreach outreach() {
        return outreach;
    }

    /** The dashboard's figures, read from the server. */
    public InsightsSource insights() {
        return insights;
    }

    public Presence presence() {
        return presence;
    }

    /** When the outbox sends again after the server said "too fast" (null while not slowed down); fx thread. */
    public ReadOnlyObjectProperty<java.time.Instant> slowedUntilProperty() {
        return slowedUntil.getReadOnlyProperty();
    }

    /** The user's own privacy settings once known (null before the first catch-up); fx thread. */
    public ReadOnlyObjectProperty<Reply.Privacy> privacyProperty() {
        return privacy.getReadOnlyProperty();
    }

    /** A page of a conversation, oldest first: from the cache, topped up from the server's history. */
    /** The seqs of the cached messages of a conversation that match {@code terms}, newest first (I/O thread). */
    /** Cached messages of every conversation that match {@code terms}, newest first (read on the I/O thread). */
    public CompletableFuture<List<StoredMessage>> search(dev.parley.client.store.SearchTerms terms, int limit) {
        return onIo(() -> store.search(terms, limit));
    }

    public CompletableFuture<List<Long>> find(long conversationId, dev.parley.client.store.SearchTerms terms,
            int limit) {
        return onIo(() -> store.find(conversationId, terms, limit));
    }

    public CompletableFuture<List<StoredMessage>> loadMessages(long conversationId, Long beforeSeq, int limit) {
        return onIo(() -> store.messages(conversationId, beforeSeq, limit))
                .thenComposeAsync(local -> {
                    if (local.size() >= limit || !signedIn) {
                        return CompletableFuture.completedFuture(local);
                    }
                    long oldest = local.stream().filter(m -> m.seq() > 0).mapToLong(StoredMessage::seq).min()
                            .orElse(beforeSeq == null ? Long.MAX_VALUE : beforeSeq);
                    if (oldest <= 1) {
                        return CompletableFuture.completedFuture(local);
                    }
                    Long before = oldest == Long.MAX_VALUE ? null : oldest;
                    return topUp(conversationId, beforeSeq, limit, before, HISTORY_ROUNDS);
                }, io);
    }

    /**
     * Fetches history before {@code before} into the cache and answers with what the cache shows now (pushes
     * may have arrived meanwhile). A page of only tombstones or messages deleted here shows nothing, so it
     * looks further back, a few pages at most.
     */
    private CompletableFuture<List<StoredMessage>> topUp(long conversationId, Long beforeSeq, int limit, Long before,
            int rounds) {
        return connection.request(new Request.MessageHistory(conversationId, before, limit), Reply.History.class)
                .handleAsync((history, error) -> {
                    if (history != null) {
                        history.messages().forEach(store::apply);
                    }
                    List<StoredMessage> shown = store.messages(conversationId, beforeSeq, limit);
                    if (history != null && shown.size() < limit && history.hasMore() && rounds > 1
                            && !history.messages().isEmpty()) {
                        return topUp(conversationId, beforeSeq, limit, history.messages().get(0).seq(), rounds - 1);
                    }
                    return CompletableFuture.completedFuture(shown);
                }, io)
                .thenCompose(next -> next);
    }

    /** Marks a conversation read up to {@code seq}; the unread badge clears at once. */
    public void markRead(long conversationId, long seq) {
        inbox.find(conversationId).ifPresent(item -> item.unreadProperty().set(0));
        onIo(() -> {
            store.setUnread(conversationId, 0);
            queueRead(conversationId, seq);
        });
    }

    /** Collects read marks and sends each conversation's highest once, after the current burst of work. */
    private void queueRead(long conversationId, long seq) {
        pendingReads.merge(conversationId, seq, Math::max);
        if (!readsScheduled) {
            readsScheduled = true;
            io.execute(this::sendReads);
        }
    }

    private void sendReads() {
        readsScheduled = false;
        if (!signedIn) {
            return;
        }
        java.util.Map<Long, Long> reads = new java.util.HashMap<>(pendingReads);
        pendingReads.clear();
        reads.forEach((conversationId, seq) -> connection.request(new Request.MessageRead(conversationId, seq),
                        Reply.ReadCursor.class)
                .thenAcceptAsync(cursor -> applyReadCursor(cursor.conversationId(), cursor.readSeq(),
                        cursor.unread()), io)
                // Not sent: keep it for the next catch-up.
                .exceptionally(error -> {
                    onIo(() -> {
                        pendingReads.merge(conversationId, seq, Math::max);
                    });
                    return null;
                }));
    }

    /** Opens (or creates) the conversation with a handle; completes with its id once it is in the inbox. */
    public CompletableFuture<Long> openConversation(String handle) {
        return onIo(() -> connection.request(new Request.ConversationOpen(handle), ConversationSummary.class))
                .thenCompose(reply -> reply)
                .thenApplyAsync(summary -> {
                    store.upsert(summary);
                    publishInbox(store.conversations());
                    return summary.id();
                }, io);
    }

    /** Accepts a message request: the conversation moves to the main list. */
    public CompletableFuture<Void> acceptRequest(long conversationId) {
        return onIo(() -> connection.request(new Request.RequestAccept(conversationId), Reply.Empty.class))
                .thenCompose(reply -> reply)
                .thenAcceptAsync(done -> {
                    store.clearRequest(conversationId);
                    store.conversation(conversationId).ifPresent(this::publishConversation);
                }, io);
    }

    /** Deletes a message request (and with {@code block}, blocks its sender first); it leaves the inbox. */
    public CompletableFuture<Void> declineRequest(long conversationId, String peerHandle, boolean block) {
        CompletableFuture<Void> blocking = block
                ? onIo(() -> connection.request(new Request.UserBlock(peerHandle), Reply.Empty.class))
                        .thenCompose(reply -> reply).thenRun(() -> { })
                : CompletableFuture.completedFuture(null);
        return blocking
                .thenCompose(done -> onIo(() -> connection.request(new Request.RequestDecline(conversationId),
                        Reply.Empty.class)).thenCompose(reply -> reply))
                .thenAcceptAsync(done -> {
                    store.forget(conversationId);
                    fx.execute(() -> {
                        inbox.conversations().removeIf(item -> item.id() == conversationId);
                        if (block) {
                            blocked.add(peerHandle);
                        }
                    });
                }, io);
    }

    /** The people this user blocked, kept up to date; read it on the fx thread. */
    public javafx.collections.ObservableSet<String> blocked() {
        return blocked;
    }

    /** Blocks or unblocks someone; they can no longer message this user or find them while blocked. */
    public CompletableFuture<Void> setBlocked(String handle, boolean block) {
        Request request = block ? new Request.UserBlock(handle) : new Request.UserUnblock(handle);
        return onIo(() -> connection.request(request, Reply.Empty.class)).thenCompose(reply -> reply)
                .thenRun(() -> fx.execute(() -> {
                    if (block) {
                        blocked.add(handle);
                    } else {
                        blocked.remove(handle);
                    }
                }));
    }

    /**
     * Files a report with the server. When it also blocked the person, they join the blocked set: the server
     * stored the block with the report.
     */
    public CompletableFuture<Reply.ReportReceipt> report(Request.ReportCreate report) {
        return onIo(() -> connection.request(report, Reply.ReportReceipt.class)).thenCompose(reply -> reply)
                .thenApply(receipt -> {
                    if (receipt.blocked()) {
                        fx.execute(() -> blocked.add(receipt.reported().handle()));
                    }
                    return receipt;
                });
    }

    private void refreshBlocked() {
        connection.request(new Request.BlockList(), Reply.Users.class).thenAccept(list -> fx.execute(() -> {
            blocked.retainAll(list.users().stream().map(UserProfile::handle).toList());
            list.users().forEach(user -> blocked.add(user.handle()));
        }));
    }

    public CompletableFuture<Reply.Privacy> privacy() {
        return onIo(() -> connection.request(new Request.PrivacyGet(), Reply.Privacy.class))
                .thenCompose(reply -> reply).thenApply(settings -> {
                    onIo(() -> applyPrivacy(settings));
                    return settings;
                });
    }

    /** Changes the settings named in {@code change} (others stay); completes with all of them. */
    public CompletableFuture<Reply.Privacy> setPrivacy(Request.PrivacySet change) {
        return onIo(() -> connection.request(change, Reply.Privacy.class))
                .thenCompose(reply -> reply).thenApply(settings -> {
                    onIo(() -> applyPrivacy(settings));
                    return settings;
                });
    }

    public CompletableFuture<UserProfile> lookUp(String handle) {
        return onIo(() -> connection.request(new Request.UserGet(handle), UserProfile.class))
                .thenCompose(reply -> reply);
    }

    /**
     * Changes the account's password; the server checks the current one and ends the account's other sessions.
     * Fails with the server's typed error (e.g. {@code unauthorized} for a wrong current password).
     */
    public CompletableFuture<Void> changePassword(String current, String password) {
        return request(() -> new Request.PasswordChange(current, password), Reply.Empty.class).thenRun(() -> { });
    }

    /** This account's device sessions, oldest first. */
    public CompletableFuture<List<dev.parley.protocol.SessionInfo>> sessions() {
        return request(Request.SessionList::new, Reply.Sessions.class).thenApply(Reply.Sessions::sessions);
    }

    /** Ends one of the account's sessions (this one too: then it is signed out, as by {@link #signOut}). */
    public CompletableFuture<Void> revokeSession(long sessionId) {
        return request(() -> new Request.SessionRevoke(sessionId), Reply.Empty.class).thenRun(() -> { });
    }

    private <T> CompletableFuture<T> request(java.util.function.Supplier<Request> request, Class<T> reply) {
        Request built;
        try {
            built = request.get();
        } catch (dev.parley.protocol.ProtocolException e) {
            return CompletableFuture.failedFuture(e);
        }
        return onIo(() -> connection.request(built, reply)).thenCompose(answer -> answer);
    }

    /** Ends the session on the server too; the token stops working. */
    public CompletableFuture<Void> signOut() {
        return onIo(() -> connection.request(new Request.Logout(), Reply.Empty.class))
                .thenCompose(reply -> reply).thenRun(() -> { });
    }

    @Override
    public void close() {
        connection.close();
        io.shutdown();
        try {
            io.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (store != null) {
            store.close();
        }
    }

    // ---- catching up (I/O thread) ----

    private void catchUp() {
        setState(ConnectionState.CONNECTING);
        connection.request(new Request.Hello(1, token), Reply.HelloResult.class)
                .thenCompose(hello -> connection.request(new Request.ConversationList(), Reply.Conversations.class))
                .thenAcceptAsync(list -> {
                    signedIn = true;
                    for (ConversationSummary summary : list.conversations()) {
                        StoredConversation stored = store.upsert(summary);
                        if (store.cursors().getOrDefault(stored.id(), 0L) == 0 && summary.lastSeq() > INITIAL_WINDOW) {
                            store.advanceCursorTo(stored.id(), summary.lastSeq() - INITIAL_WINDOW);
                        }
                    }
                    publishInbox(store.conversations());
                    syncPage();
                }, io)
                .exceptionally(this::onCatchUpFailure);
    }

    private void syncPage() {
        connection.request(new Request.Sync(store.cursors()), Reply.SyncPage.class)
                .thenAcceptAsync(page -> {
                    page.messages().forEach(message -> applyMessage(message, false));
                    if (page.more()) {
                        syncPage();
                    } else {
                        setState(ConnectionState.ONLINE);
                        refreshBlocked();
                        refreshPrivacyAndPresence();
                        schedules.refresh();
                        quickReplies.refresh();
                        outreach.refresh();
                        if (!pendingReads.isEmpty()) {
                            sendReads();
                        }
                        flushOutbox();
                    }
                }, io)
                .exceptionally(this::onCatchUpFailure);
    }

    private void refreshPrivacyAndPresence() {
        connection.request(new Request.PrivacyGet(), Reply.Privacy.class)
                .thenAcceptAsync(this::applyPrivacy, io);
        connection.request(new Request.PresenceGet(), Reply.Presence.class)
                .thenAccept(online -> presence.setOnline(online.online()));
    }

    /** Settings changed (here or on another device): receipts turned on or off change what the chats show. */
    private void applyPrivacy(Reply.Privacy settings) {
        Reply.Privacy before = privacyOnIo;
        privacyOnIo = settings;
        fx.execute(() -> privacy.set(settings));
        if (before != null && before.readReceipts() != settings.readReceipts()) {
            relistConversations();
        }
        if (settings.presence() == dev.parley.protocol.PresenceVisibility.NOBODY) {
            presence.clear();
        } else if (before != null && before.presence() != settings.presence() && signedIn) {
            connection.request(new Request.PresenceGet(), Reply.Presence.class)
                    .thenAccept(online -> presence.setOnline(online.online()));
        }
    }

    /** Fetches the conversation list again (e.g. read positions after a receipts change), without waiting. */
    private void relistConversations() {
        if (!signedIn) {
            return;
        }
        connection.request(new Request.ConversationList(), Reply.Conversations.class)
                .thenAcceptAsync(list -> {
                    list.conversations().forEach(store::upsert);
                    publishInbox(store.conversations());
                }, io);
    }

    private Void onCatchUpFailure(Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof ProtocolException protocol && protocol.code() == ErrorCode.UNAUTHORIZED) {
            log.info("the session has ended: {}", protocol.getMessage());
            setState(ConnectionState.SIGNED_OUT);
            connection.close();
        } else {
            // Without a full catch-up the inbox may miss messages: start over through a fresh connection.
            log.warn("catching up failed ({}); reconnecting", cause.toString());
            onIo(() -> {
                signedIn = false;
            });
            setState(ConnectionState.OFFLINE);
            connection.reconnect();
        }
        return null;
    }

    // ---- applying (I/O thread) ----

    private void applyMessage(Message message, boolean live) {
        if (store.conversation(message.conversationId()).isEmpty()) {
            refreshConversations();
        }
        // The server's summary already counts what it had when it answered; count only what came after.
        long knownLastSeq = store.conversation(message.conversationId()).map(StoredConversation::lastSeq).orElse(0L);
        if (!store.apply(message)) {
            return;
        }
        if (message.systemLine()) {
            publish(StoredMessage.systemLine(message.conversationId(), message.seq(), message.clientId(),
                    message.sender(), message.sentAt(), message.change()));
            if (live) {
                // Who is in it, its title, picture or the user's role changed: the list tells the new state.
                relistConversations();
            }
            return;
        }
        if (message.kind() == dev.parley.protocol.MessageKind.POLL) {
            // A poll is a card in the chat, but never unread nor the preview (as the server counts).
            store.message(message.conversationId(), message.seq()).ifPresent(this::publish);
            return;
        }
        if (!message.showsInChat()) {
            // A tombstone: show the message it names as unsent (if this device has it at all).
            if (message.kind() == dev.parley.protocol.MessageKind.UNSEND && message.target() != null && live
                    && !message.sender().equals(me.handle())) {
                uncountUnread(message.conversationId(), message.target());
            }
            if (message.target() != null) {
                store.message(message.conversationId(), message.target()).ifPresentOrElse(this::publish,
                        () -> store.conversation(message.conversationId()).ifPresent(this::publishConversation));
            }
            return;
        }
        boolean mine = message.sender().equals(me.handle());
        if (live && !mine) {
            presence.stoppedTyping(message.conversationId());
            if (reading == message.conversationId()) {
                queueRead(message.conversationId(), message.seq());
            } else if (message.seq() > knownLastSeq) {
                store.conversation(message.conversationId())
                        .ifPresent(c -> store.setUnread(c.id(), c.unread() + 1));
            }
        }
        StoredMessage stored = new StoredMessage(message.conversationId(), message.seq(), message.clientId(),
                message.sender(), message.text(), message.sentAt(), MessageStatus.SENT, null, message.unsent(), false,
                message.media(), message.change(), message.replyTo(), message.reactions(), message.card(), null,
                message.unsent() ? null : message.sticker(), message.offer(),
                message.proposal() == null ? null : store.message(message.conversationId(), message.seq())
                        .map(StoredMessage::proposal).orElse(message.proposal()));
        publish(stored);
        if (live && !mine && message.seq() > knownLastSeq) {
            models.arrival(stored);
        }
    }

    /** An unread message was unsent: it no longer counts towards the badge, as the server no longer counts it. */
    private void uncountUnread(long conversationId, long targetSeq) {
        store.conversation(conversationId)
                .filter(c -> targetSeq > c.readSeq() && c.unread() > 0 && reading != conversationId)
                .ifPresent(c -> store.setUnread(conversationId, c.unread() - 1));
    }

    /** A push for a conversation this cache does not know yet: fetch the list (rare: once per new chat). */
    private void refreshConversations() {
        try {
            connection.request(new Request.ConversationList(), Reply.Conversations.class)
                    .orTimeout(5, java.util.concurrent.TimeUnit.SECONDS).join()
                    .conversations().forEach(store::upsert);
            publishInbox(store.conversations());
        } catch (CompletionException e) {
            log.debug("could not refresh conversations: {}", e.getCause().toString());
        }
    }

    private void applyReadCursor(long conversationId, long readSeq, int unread) {
        store.setReadCursor(conversationId, readSeq, unread);
        store.conversation(conversationId).ifPresent(this::publishConversation);
    }

    private void flushOutbox() {
        if (flushing || !signedIn) {
            return;
        }
        List<StoredMessage> outbox = store.outbox();
        if (outbox.isEmpty()) {
            return;
        }
        flushing = true;
        StoredMessage next = outbox.get(0);
        photos.prepare(next)
                .thenCompose(request -> connection.request(request, Reply.Sent.class))
                .whenCompleteAsync((sent, error) -> {
                    flushing = false;
                    if (error == null) {
                        fx.execute(() -> slowedUntil.set(null));
                        // Writing in a conversation accepts it, on the server too.
                        store.conversation(next.conversationId()).filter(StoredConversation::request)
                                .ifPresent(c -> store.clearRequest(c.id()));
                        applyMessage(sent.message(), false);
                        photos.sent(store.message(next.conversationId(), sent.message().seq())
                                .orElse(next.withStatus(MessageStatus.SENT, null)));
                        flushOutbox();
                        return;
                    }
                    Throwable cause = unwrap(error);
                    if (cause instanceof java.util.concurrent.CancellationException) {
                        // The user cancelled the photo message: it has left the outbox already.
                        flushOutbox();
                    } else if (!(cause instanceof ProtocolException) || PERMANENT.contains(((ProtocolException) cause).code())) {
                        // Refused by the server, or a photo this device can no longer read: retrying cannot help.
                        log.info("message {} failed: {}", next.clientId(), cause.toString());
                        String reason = (cause instanceof ProtocolException refused ? refused.code() : ErrorCode.INTERNAL)
                                .wireName();
                        store.setStatus(me.handle(), next.clientId(), MessageStatus.FAILED, reason);
                        photos.failed(next.clientId(), cause);
                        publish(next.withStatus(MessageStatus.FAILED, reason));
                        flushOutbox();
                    } else if (signedIn) {
                        // Busy or slow but still connected: try again shortly (the server says when, if it knows).
                        long delay = cause instanceof ProtocolException busy && busy.retryAfterMs() != null
                                ? busy.retryAfterMs() : 2_000;
                        if (cause instanceof ProtocolException slow && slow.code() == ErrorCode.RATE_LIMITED) {
                            java.time.Instant until = clock.instant().plusMillis(delay);
                            fx.execute(() -> slowedUntil.set(until));
                        }
                        CompletableFuture.runAsync(this::flushOutbox,
                                CompletableFuture.delayedExecutor(delay, java.util.concurrent.TimeUnit.MILLISECONDS, io));
                    }
                    // Otherwise the connection is down: the outbox waits for the next catch-up.
                }, io);
    }

    // ---- publishing to the models (fx executor) ----

    private void publish(StoredMessage message) {
        store.conversation(message.conversationId()).ifPresent(models::conversation);
        models.message(message);
    }

    private void publishConversation(StoredConversation conversation) {
        models.conversation(conversation);
    }

    private void publishInbox(List<StoredConversation> conversations) {
        models.conversations(conversations);
    }

    private void setState(ConnectionState next) {
        fx.execute(() -> state.set(next));
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    /** Runs work on the I/O thread; a failure is logged, never silently lost. */
    private void onIo(Runnable work) {
        try {
            io.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.error("local work failed", e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.debug("session closed; dropping work");
        }
    }

    /** Computes a value on the I/O thread; the future fails if the work does or the session is closed. */
    private <T> CompletableFuture<T> onIo(java.util.function.Supplier<T> work) {
        try {
            return CompletableFuture.supplyAsync(work, io);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new IllegalStateException("the session is closed"));
        }
    }

    /** Connection callbacks, moved onto the I/O thread. */
    private final class ConnectionEvents implements ServerConnection.Listener {
        @Override
        public void onOpen() {
            onIo(ChatSession.this::catchUp);
        }

        @Override
        public void onEvent(Event event) {
            onIo(() -> {
                if (event instanceof Event.MessageEvent pushed) {
                    applyMessage(pushed.message(), true);
                } else if (event instanceof Event.ReadEvent read) {
                    applyReadCursor(read.conversationId(), read.readSeq(), read.unread());
                } else if (event instanceof Event.SeenEvent seen) {
                    store.setPeerReadSeq(seen.conversationId(), seen.readSeq());
                    store.conversation(seen.conversationId()).ifPresent(ChatSession.this::publishConversation);
                } else if (event instanceof Event.PrivacyEvent changed) {
                    applyPrivacy(changed.privacy());
                } else if (event instanceof Event.TypingEvent typing) {
                    presence.typing(typing.conversationId(), typing.handle());
                } else if (event instanceof Event.PresenceEvent seenOnline) {
                    presence.setOnline(seenOnline.handle(), seenOnline.online());
                } else if (event instanceof Event.UploadProgress progress) {
                    uploads.onProgress(progress);
                } else if (event instanceof Event.UploadRefused refused) {
                    uploads.onRefused(refused);
                } else if (event instanceof Event.ScheduledEvent scheduled) {
                    schedules.changed(scheduled.scheduled());
                } else if (event instanceof Event.QuickRepliesEvent templates) {
                    quickReplies.changed(templates.templates());
                } else if (event instanceof Event.ContactEvent contact) {
                    quickReplies.contactChanged(contact.handle(), contact.fields());
                } else if (event instanceof Event.ContactCardEvent card) {
                    outreach.cardChanged(card.card());
                } else if (event instanceof Event.SegmentsEvent changed) {
                    outreach.segmentsChanged(changed.segments());
                } else if (event instanceof Event.BroadcastEvent broadcast) {
                    outreach.broadcastChanged(broadcast.broadcast());
                }
            });
        }

        @Override
        public void onTrustProblem(TrustProblem problem) {
            fx.execute(() -> trustProblem.set(problem));
        }

        @Override
        public void onClosed(boolean sessionEnded) {
            onIo(() -> {
                signedIn = false;
                uploads.connectionLost();
                flushing = false;
                presence.clear();
                fx.execute(() -> slowedUntil.set(null));
                setState(sessionEnded ? ConnectionState.SIGNED_OUT : ConnectionState.OFFLINE);
            });
        }
    }
}
