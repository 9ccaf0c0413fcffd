package dev.parley.server.social;

import dev.parley.protocol.Event;
import dev.parley.protocol.PresenceVisibility;
import dev.parley.protocol.ProtocolException;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
import dev.parley.server.bus.Bus;
import dev.parley.server.bus.OnlineUsers;
import dev.parley.server.net.Identity;
import dev.parley.server.net.SessionRegistry;
import dev.parley.server.store.ConversationStore;
import dev.parley.server.store.SocialStore;
import dev.parley.server.store.UserRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Online status and typing, shared only between friends who both chose to share them. Announcements run
 * on their own thread, in order, never on the WebSocket threads that notice a connection come or go.
 */
public final class PresenceService implements SessionRegistry.PresenceListener {
    private static final Logger log = LoggerFactory.getLogger(PresenceService.class);
    /** Typing pushes closer together than this are dropped (clients repeat them every few seconds). */
    private static final Duration TYPING_GAP = Duration.ofSeconds(1);

    private final SocialStore social;
    private final ConversationStore conversations;
    /** Who is online on any node (this node's registry when it runs alone). */
    private final OnlineUsers onlineUsers;
    private final Bus bus;
    /** One thread: a user's online and offline announcements go out in the order the registry saw them. */
    private final java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors
            .newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "parley-presence");
                thread.setDaemon(true);
                return thread;
            });
    private final Clock clock;
    private final Map<String, Instant> lastTyping = new ConcurrentHashMap<>();

    public PresenceService(SocialStore social, ConversationStore conversations, OnlineUsers onlineUsers, Bus bus,
            Clock clock) {
        this.social = social;
        this.conversations = conversations;
        this.onlineUsers = onlineUsers;
        this.bus = bus;
        this.clock = clock;
    }

    @Override
    public void online(Identity identity) {
        announceLater(identity, true);
    }

    @Override
    public void offline(Identity identity) {
        lastTyping.keySet().removeIf(key -> key.startsWith(identity.userId() + ":"));
        announceLater(identity, false);
    }

    /** The caller's friends who are online and share it; nobody when the caller does not share. */
    public Reply.Presence onlineFriends(Identity me) {
        List<UserRef> audience = social.presenceAudience(me.userId());
        var online = onlineUsers.onlineAmong(audience.stream().map(UserRef::id).toList());
        return new Reply.Presence(audience.stream().filter(friend -> online.contains(friend.id()))
                .map(UserRef::handle).toList());
    }

    /** Passes "typing" to the other person of a 1:1 conversation when the two share presence. */
    public Reply.Empty typing(Identity me, Request.Typing request) {
        List<Long> members = conversations.members(request.conversationId());
        if (!members.contains(me.userId())) {
            throw ProtocolException.notFound("no such conversation");
        }
        Instant now = clock.instant();
        Instant previous = lastTyping.put(me.userId() + ":" + request.conversationId(), now);
        if (previous != null && previous.plus(TYPING_GAP).isAfter(now)) {
            return new Reply.Empty();
        }
        Event typing = new Event.TypingEvent(request.conversationId(), me.handle());
        List<Long> audience = social.presenceAudience(me.userId()).stream().map(UserRef::id).toList();
        members.stream().filter(audience::contains).forEach(member -> bus.publish(member, typing));
        return new Reply.Empty();
    }

    /**
     * After a privacy change: friends who could see the user and no longer can see them go offline; friends
     * who now can see them see them come online.
     */
    public void visibilityChanged(Identity me, List<UserRef> audienceBefore, PresenceVisibility now) {
        if (!onlineUsers.isOnline(me.userId())) {
            return;
        }
        List<UserRef> audienceAfter = social.presenceAudience(me.userId());
        Event offline = new Event.PresenceEvent(me.handle(), false);
        Event online = new Event.PresenceEvent(me.handle(), true);
        audienceBefore.stream().filter(friend -> !audienceAfter.contains(friend))
                .forEach(friend -> bus.publish(friend.id(), offline));
        audienceAfter.stream().filter(friend -> !audienceBefore.contains(friend))
                .forEach(friend -> bus.publish(friend.id(), online));
        log.debug("@{} now shows presence to {}", me.handle(), now.wireName());
    }

    /**
     * Two people just became friends, or stopped being friends: each hears whether the other is online now,
     * as far as they may see it (offline when they may not).
     */
    public void friendshipChanged(UserRef one, UserRef other) {
        boolean visible = social.presenceAudience(one.id()).contains(other);
        bus.publish(other.id(), new Event.PresenceEvent(one.handle(), visible && onlineUsers.isOnline(one.id())));
        bus.publish(one.id(), new Event.PresenceEvent(other.handle(), visible && onlineUsers.isOnline(other.id())));
    }

    private void announceLater(Identity identity, boolean online) {
        try {
            executor.execute(() -> announce(identity, online));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.debug("stopping; not announcing @{}", identity.handle());
        }
    }

    private void announce(Identity identity, boolean online) {
        try {
            // Re-read who is online: a quick reconnect (here or on another node) may have made this announcement stale.
            if (onlineUsers.isOnline(identity.userId()) != online) {
                return;
            }
            Event event = new Event.PresenceEvent(identity.handle(), online);
            social.presenceAudience(identity.userId()).forEach(friend -> bus.publish(friend.id(), event));
        } catch (RuntimeException e) {
            log.warn("could not announce @{} {}", identity.handle(), online ? "online" : "offline", e);
        }
    }

    /** Stops announcing (the server is stopping). */
    public void close() {
        executor.shutdownNow();
    }
}
