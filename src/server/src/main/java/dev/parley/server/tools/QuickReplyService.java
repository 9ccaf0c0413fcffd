package dev.parley.server.tools;

import dev.parley.protocol.Event;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
import dev.parley.server.bus.Bus;
import dev.parley.server.net.Identity;
import dev.parley.server.social.AccountLimits;
import dev.parley.server.social.SocialService;
import dev.parley.server.store.QuickReplyStore;
import dev.parley.server.store.UserRecord;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * Quick replies and the contact fields they draw on: kept per person on the server so that every device of theirs
 * has the same ones; each change is pushed to all their sessions.
 */
public final class QuickReplyService {
    private final QuickReplyStore store;
    private final SocialService social;
    private final AccountLimits limits;
    private final Bus bus;
    private final Clock clock;

    public QuickReplyService(QuickReplyStore store, SocialService social, AccountLimits limits, Bus bus, Clock clock) {
        this.store = store;
        this.social = social;
        this.limits = limits;
        this.bus = bus;
        this.clock = clock;
    }

    public Reply.QuickReplies list(Identity me) {
        return new Reply.QuickReplies(store.list(me.userId()));
    }

    public CompletableFuture<Reply.SavedQuickReply> save(Identity me, Request.QuickReplySave request) {
        limits.settingsEdit(me.userId());
        return store.save(me.userId(), request.id(), request.name(), request.text(), clock.instant())
                .thenApply(saved -> {
                    announce(me);
                    return new Reply.SavedQuickReply(saved);
                });
    }

    public CompletableFuture<Reply.QuickReplies> delete(Identity me, Request.QuickReplyDelete request) {
        limits.settingsEdit(me.userId());
        return store.delete(me.userId(), request.id()).thenApply(done -> announce(me));
    }

    public CompletableFuture<Reply.QuickReplies> order(Identity me, Request.QuickReplyOrder request) {
        limits.settingsEdit(me.userId());
        return store.order(me.userId(), request.ids()).thenApply(done -> announce(me));
    }

    /** Fields about someone who blocked the caller are as unreachable as the person ({@code not_found}). */
    public Reply.Contact contact(Identity me, Request.ContactGet request) {
        UserRecord other = social.visibleUser(me, request.handle());
        return new Reply.Contact(other.handle(), store.fields(me.userId(), other.id()));
    }

    public CompletableFuture<Reply.Contact> setContact(Identity me, Request.ContactSet request) {
        limits.settingsEdit(me.userId());
        UserRecord other = social.visibleUser(me, request.handle());
        return store.setFields(me.userId(), other.id(), request.fields()).thenApply(done -> {
            bus.publish(me.userId(), new Event.ContactEvent(other.handle(), request.fields()));
            return new Reply.Contact(other.handle(), request.fields());
        });
    }

    private Reply.QuickReplies announce(Identity me) {
        Reply.QuickReplies now = list(me);
        bus.publish(me.userId(), new Event.QuickRepliesEvent(now.templates()));
        return now;
    }
}
