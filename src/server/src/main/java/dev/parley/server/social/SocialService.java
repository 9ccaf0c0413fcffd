package dev.parley.server.social;

import dev.parley.protocol.Event;
import dev.parley.protocol.ProtocolException;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
import dev.parley.server.bus.Bus;
import dev.parley.server.net.Identity;
import dev.parley.server.store.AccountStore;
import dev.parley.server.store.SocialStore;
import dev.parley.server.store.UserRecord;
import dev.parley.server.store.UserRef;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Following, blocking, privacy settings and message-request decisions. */
public final class SocialService {
    private final SocialStore social;
    private final AccountStore accounts;
    private final AccountLimits limits;
    private final Bus bus;
    private final Clock clock;
    private final PresenceService presence;
    private final java.util.function.LongConsumer rulesChanged;

    /**
     * {@code rulesChanged} hears of every user whose blocks, friendships or privacy changed, which may stop
     * messages already scheduled from being deliverable.
     */
    public SocialService(SocialStore social, AccountStore accounts, AccountLimits limits, Bus bus, Clock clock,
            PresenceService presence, java.util.function.LongConsumer rulesChanged) {
        this.presence = presence;
        this.rulesChanged = rulesChanged;
        this.social = social;
        this.accounts = accounts;
        this.limits = limits;
        this.bus = bus;
        this.clock = clock;
    }

    /**
     * The user with this handle as {@code viewer} may see them: someone who blocked the viewer does not
     * exist for them ({@code not_found}, the same answer as for a handle nobody has).
     */
    public UserRecord visibleUser(Identity viewer, String handle) {
        UserRecord user = accounts.findByHandle(handle)
                .filter(found -> !social.blocks(found.id(), viewer.userId()))
                .orElseThrow(() -> ProtocolException.notFound("there is no user @" + handle));
        return user;
    }

    public CompletableFuture<Reply.Relationship> follow(Identity me, Request.UserFollow request) {
        UserRecord other = visibleOther(me, request.handle());
        limits.follow(me.userId());
        boolean wereFriends = social.relationship(me.userId(), other.id(), other.handle()).friends();
        return social.follow(me.userId(), other.id(), clock.instant())
                .thenApply(done -> afterFriendshipChange(me, other, wereFriends));
    }

    /** The relationship now; if it made or ended a friendship, each sees the other's presence as it stands. */
    private Reply.Relationship afterFriendshipChange(Identity me, UserRecord other, boolean wereFriends) {
        Reply.Relationship now = social.relationship(me.userId(), other.id(), other.handle());
        rulesChanged.accept(me.userId());
        if (now.friends() != wereFriends) {
            presence.friendshipChanged(new UserRef(me.userId(), me.handle()), new UserRef(other.id(), other.handle()));
        }
        return now;
    }

    public CompletableFuture<Reply.Relationship> unfollow(Identity me, Request.UserUnfollow request) {
        UserRecord other = visibleOther(me, request.handle());
        boolean wereFriends = social.relationship(me.userId(), other.id(), other.handle()).friends();
        return social.unfollow(me.userId(), other.id())
                .thenApply(done -> afterFriendshipChange(me, other, wereFriends));
    }

    public CompletableFuture<Reply.Empty> block(Identity me, Request.UserBlock request) {
        // Blocking someone who blocked you is allowed (and needs no visibility).
        UserRecord other = accounts.findByHandle(request.handle()).filter(u -> u.id() != me.userId())
                .orElseThrow(() -> ProtocolException.notFound("there is no user @" + request.handle()));
        boolean wereFriends = social.relationship(me.userId(), other.id(), other.handle()).friends();
        return social.block(me.userId(), other.id(), clock.instant()).thenApply(done -> {
            afterFriendshipChange(me, other, wereFriends);
            return new Reply.Empty();
        });
    }

    public CompletableFuture<Reply.Empty> unblock(Identity me, Request.UserUnblock request) {
        UserRecord other = accounts.findByHandle(request.handle())
                .orElseThrow(() -> ProtocolException.notFound("there is no user @" + request.handle()));
        return social.unblock(me.userId(), other.id()).thenApply(done -> new Reply.Empty());
    }

    public Reply.SearchResults search(Identity me, Request.UserSearch request) {
        int offset = request.page() * request.limit();
        var found = request.tag() != null
                ? social.searchTag(me.userId(), request.tag(), offset, request.limit())
                : social.search(me.userId(), request.query(), offset, request.limit());
        boolean more = found.size() > request.limit();
        return new Reply.SearchResults(more ? found.subList(0, request.limit()) : found, more);
    }

    /** The caller's friends, e.g. to pick people for a group. */
    public Reply.Users friends(Identity me) {
        return new Reply.Users(social.friends(me.userId()));
    }

    public Reply.Users blocked(Identity me) {
        return new Reply.Users(social.blocked(me.userId()));
    }

    public Reply.Privacy privacy(Identity me) {
        return social.privacy(me.userId());
    }

    /** Applies at once; every device of the user hears of it, and friends see presence change accordingly. */
    public CompletableFuture<Reply.Privacy> setPrivacy(Identity me, Request.PrivacySet request) {
        List<UserRef> audienceBefore = social.presenceAudience(me.userId());
        return social.setPrivacy(me.userId(), request).thenApply(privacy -> {
            bus.publish(me.userId(), new Event.PrivacyEvent(privacy));
            rulesChanged.accept(me.userId());
            if (request.presence() != null) {
                presence.visibilityChanged(me, audienceBefore, privacy.presence());
            }
            return privacy;
        });
    }

    public CompletableFuture<Reply.Empty> decideRequest(Identity me, long conversationId, boolean accept) {
        return social.decideRequest(conversationId, me.userId(), accept, clock.instant()).thenApply(done -> {
            rulesChanged.accept(me.userId());
            return new Reply.Empty();
        });
    }

    private UserRecord visibleOther(Identity me, String handle) {
        UserRecord other = visibleUser(me, handle);
        if (other.id() == me.userId()) {
            throw ProtocolException.badRequest("you cannot follow yourself");
        }
        return other;
    }
}
