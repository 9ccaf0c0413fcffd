package dev.parley.server.bus;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is online anywhere: on this node alone by default ({@code SessionRegistry::isOnline}); on any node of the
 * cluster with {@link RedisPresence}.
 */
@FunctionalInterface
public interface OnlineUsers {
    boolean isOnline(long userId);

    /** Those of the users who are online (one question for many, e.g. a friend list). */
    default Set<Long> onlineAmong(Collection<Long> userIds) {
        return userIds.stream().filter(this::isOnline).collect(Collectors.toSet());
    }
}
