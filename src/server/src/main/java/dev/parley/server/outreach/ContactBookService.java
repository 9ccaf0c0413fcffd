package dev.parley.server.outreach;

import dev.parley.protocol.Event;
import dev.parley.protocol.ProtocolException;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
import dev.parley.server.bus.Bus;
import dev.parley.server.net.Identity;
import dev.parley.server.social.AccountLimits;
import dev.parley.server.social.SocialService;
import dev.parley.server.store.ContactStore;
import dev.parley.server.store.UserRecord;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * Labels and private notes about contacts, and segments over them: kept per person on the server so every device of
 * theirs shows the same; each change is pushed to all their sessions.
 */
public final class ContactBookService {
    private final ContactStore store;
    private final SocialService social;
    private final AccountLimits limits;
    private final Bus bus;
    private final Clock clock;

    public ContactBookService(ContactStore store, SocialService social, AccountLimits limits, Bus bus, Clock clock) {
        this.store = store;
        this.social = social;
        this.limits = limits;
        this.bus = bus;
        this.clock = clock;
    }

    /** About someone who blocked the caller nothing can be kept ({@code not_found}, as for the person). */
    public Reply.ContactCardReply card(Identity me, Request.ContactCardGet request) {
        UserRecord other = social.visibleUser(me, request.handle());
        return new Reply.ContactCardReply(store.card(me.userId(), other.id()));
    }

    public CompletableFuture<Reply.ContactCardReply> setCard(Identity me, Request.ContactCardSet request) {
        limits.settingsEdit(me.userId());
        UserRecord other = social.visibleUser(me, request.handle());
        if (other.id() == me.userId()) {
            throw ProtocolException.badRequest("labels and notes are about other people");
        }
        return store.setCard(me.userId(), other.id(), request.labels(), request.note()).thenApply(card -> {
            bus.publish(me.userId(), new Event.ContactCardEvent(card));
            return new Reply.ContactCardReply(card);
        });
    }

    public Reply.Labels labels(Identity me) {
        return new Reply.Labels(store.labels(me.userId()));
    }

    public Reply.Segments segments(Identity me) {
        return new Reply.Segments(store.segments(me.userId()));
    }

    public CompletableFuture<Reply.SavedSegment> saveSegment(Identity me, Request.SegmentSave request) {
        limits.settingsEdit(me.userId());
        return store.saveSegment(me.userId(), request, clock.instant()).thenApply(saved -> {
            announce(me);
            return new Reply.SavedSegment(saved);
        });
    }

    public CompletableFuture<Reply.Segments> deleteSegment(Identity me, Request.SegmentDelete request) {
        limits.settingsEdit(me.userId());
        return store.deleteSegment(me.userId(), request.id()).thenApply(done -> announce(me));
    }

    private Reply.Segments announce(Identity me) {
        Reply.Segments now = segments(me);
        bus.publish(me.userId(), new Event.SegmentsEvent(now.segments()));
        return now;
    }
}
