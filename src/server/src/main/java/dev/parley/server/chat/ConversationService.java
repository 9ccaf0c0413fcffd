package dev.parley.server.chat;

import dev.parley.protocol.ConversationSummary;
import dev.parley.protocol.Event;
import dev.parley.protocol.Limits;
import dev.parley.protocol.MediaRef;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
import dev.parley.server.bus.Bus;
import dev.parley.server.net.Identity;
import dev.parley.server.social.AccountLimits;
import dev.parley.server.store.Appended;
import dev.parley.server.store.BroadcastReply;
import dev.parley.server.store.ConversationStore;
import dev.parley.server.store.SocialStore;
import dev.parley.server.store.UserRecord;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Conversations, direct and group: open, list, send, unsend, read cursors, history and catch-up. */
public final class ConversationService {
    private final ConversationStore conversations;
    private final SocialStore social;
    private final AccountLimits limits;
    private final Bus bus;
    private final Clock clock;

    public ConversationService(ConversationStore conversations, SocialStore social, AccountLimits limits, Bus bus,
            Clock clock) {
        this.conversations = conversations;
        this.social = social;
        this.limits = limits;
        this.bus = bus;
        this.clock = clock;
        // Fan-out runs as each message's after-commit step, so members get a conversation's messages in seq order.
        conversations.onMessageCommitted(this::publishIfNew);
    }

    /** Opens the conversation; starting a new one with someone who is not a friend counts against a limit. */
    public CompletableFuture<ConversationSummary> open(Identity me, UserRecord other) {
        if (other.id() != me.userId() && !conversations.hasDirect(me.userId(), other.id())
                && !social.relationship(me.userId(), other.id(), other.handle()).friends()) {
            limits.newConversation(me.userId());
        }
        return conversations.openDirect(me.userId(), other.id(), clock.instant())
                .thenApply(id -> conversations.summary(id, me.userId()).orElseThrow());
    }

    public Reply.Conversations list(Identity me) {
        return new Reply.Conversations(conversations.list(me.userId()));
    }

    /**
     * Stores the message; once committed, {@link #publishIfNew} pushes it to every session of every member (the
     * sender's other devices too). A resend returns the original and pushes nothing new. Media must be the sender's
     * own uploads or media they can see in a conversation; so must an imported sticker's image.
     */
    public CompletableFuture<Reply.Sent> send(Identity me, Request.MessageSend request) {
        limits.message(me.userId());
        List<MediaRef> media = request.media() == null ? List.of() : request.media();
        return conversations.append(request.conversationId(), me.userId(), request.clientId(), request.text(),
                        media, request.replyTo(), request.card(), request.sticker(), request.offer(),
                        request.proposal(), clock.instant())
                .thenApply(ConversationService::sent);
    }

    /**
     * Once a message is committed (on the write queue's delivery thread, in commit order): pushes it to every member
     * unless it was a resend, tells the authors of follow-ups it answered that those are cancelled, and tells a
     * broadcaster of a reply or an opt-out (with the automatic notice an opt-out appends).
     */
    private void publishIfNew(Appended appended) {
        if (!appended.duplicate()) {
            Event event = new Event.MessageEvent(appended.message());
            bus.publish(appended.memberIds(), event);
        }
        appended.cancelledFollowUps().forEach(change ->
                bus.publish(change.senderId(), new Event.ScheduledEvent(change.scheduled())));
        BroadcastReply reply = appended.broadcastReply();
        if (reply != null) {
            reply.changed().forEach(b -> bus.publish(reply.senderId(), new Event.BroadcastEvent(b)));
            if (reply.optedOut() != null) {
                bus.publish(reply.senderId(), new Event.ContactCardEvent(reply.optedOut()));
            }
            if (reply.notice() != null) {
                publishIfNew(reply.notice());
            }
        }
    }

    /** The reply to a write of a message; its fan-out already went out as the write's after-commit step. */
    public static Reply.Sent sent(Appended appended) {
        return new Reply.Sent(appended.message(), appended.duplicate());
    }

    /**
     * Unsends one of the caller's messages (in a group, an owner or admin may delete anyone's). Once committed,
     * the tombstone goes to every session of every member, whose clients erase the message from their stores.
     */
    public CompletableFuture<Reply.Sent> unsend(Identity me, Request.MessageUnsend request) {
        limits.message(me.userId());
        return conversations.unsend(request.conversationId(), me.userId(), request.seq(), clock.instant())
                .thenApply(ConversationService::sent);
    }

    /**
     * Sets or removes the caller's reaction to a message; once committed, the reaction event goes to every
     * session of every member. Counts against the message rate like any write others receive.
     */
    public CompletableFuture<Reply.Sent> react(Identity me, Request.MessageReact request) {
        limits.message(me.userId());
        return conversations.react(request.conversationId(), me.userId(), request.seq(), request.emoji(),
                clock.instant()).thenApply(ConversationService::sent);
    }

    /** Pins or unpins a message; once committed, the pin event goes to every session of every member. */
    public CompletableFuture<Reply.Sent> pin(Identity me, Request.MessagePin request) {
        limits.message(me.userId());
        return conversations.pin(request.conversationId(), me.userId(), request.seq(), request.pinned(),
                clock.instant()).thenApply(ConversationService::sent);
    }

    /** Starts a poll; once committed it goes to every session of every member like a message. */
    public CompletableFuture<Reply.Sent> createPoll(Identity me, Request.PollCreate request) {
        limits.message(me.userId());
        return conversations.createPoll(request.conversationId(), me.userId(), request, clock.instant())
                .thenApply(ConversationService::sent);
    }

    /** Sets, changes or retracts the caller's vote; the poll's new results go to every member as an event. */
    public CompletableFuture<Reply.Sent> votePoll(Identity me, Request.PollVote request) {
        limits.message(me.userId());
        return conversations.votePoll(request.conversationId(), me.userId(), request.seq(), request.options(),
                clock.instant()).thenApply(ConversationService::sent);
    }

    /**
     * Accepts, declines or withdraws a collaboration proposal; the proposal with its new status goes to every
     * session of both people as an event.
     */
    public CompletableFuture<Reply.Sent> respondToProposal(Identity me, Request.ProposalRespond request) {
        limits.message(me.userId());
        return conversations.respondToProposal(request.conversationId(), me.userId(), request.seq(),
                request.status(), clock.instant()).thenApply(ConversationService::sent);
    }

    /** Closes a poll (its author, or a group's owner or admin); the final results go out as an event. */
    public CompletableFuture<Reply.Sent> closePoll(Identity me, Request.PollClose request) {
        limits.message(me.userId());
        return conversations.closePoll(request.conversationId(), me.userId(), request.seq(), clock.instant())
                .thenApply(ConversationService::sent);
    }

    /**
     * Moves the read cursor and tells the user's other devices, so their unread counts follow; in a direct
     * conversation the other person hears of it too when both share read receipts (groups have no receipts).
     */
    public CompletableFuture<Reply.ReadCursor> read(Identity me, Request.MessageRead request) {
        return conversations.markRead(request.conversationId(), me.userId(), request.seq())
                .thenApply(cursor -> {
                    bus.publish(me.userId(),
                            new Event.ReadEvent(cursor.conversationId(), cursor.readSeq(), cursor.unread()));
                    if (conversations.isGroup(cursor.conversationId())) {
                        return cursor;
                    }
                    Event seen = new Event.SeenEvent(cursor.conversationId(), cursor.readSeq());
                    conversations.members(cursor.conversationId()).stream()
                            .filter(other -> other != me.userId() && social.sharesReceipts(me.userId(), other))
                            .forEach(other -> bus.publish(other, seen));
                    return cursor;
                });
    }

    public Reply.History history(Identity me, Request.MessageHistory request) {
        return conversations.history(request.conversationId(), me.userId(), request.beforeSeq(), request.limit());
    }

    public Reply.SyncPage sync(Identity me, Request.Sync request) {
        return conversations.after(me.userId(), request.cursors(), Limits.MAX_SYNC_PAGE);
    }
}
