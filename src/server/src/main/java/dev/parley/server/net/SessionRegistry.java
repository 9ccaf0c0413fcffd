package dev.parley.server.net;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The signed-in connections on this node, by user and by device session. */
public final class SessionRegistry {
    /** Hears when a user's first connection signs in and when their last one goes. */
    public interface PresenceListener {
        void online(Identity identity);

        void offline(Identity identity);
    }

    private final Map<Long, Set<ClientConnection>> byUser = new ConcurrentHashMap<>();
    private volatile PresenceListener presence = new PresenceListener() {
        @Override
        public void online(Identity identity) {
        }

        @Override
        public void offline(Identity identity) {
        }
    };

    public void onPresence(PresenceListener listener) {
        this.presence = listener;
    }

    /** Signs a connection in (or over to another identity). */
    public void bind(ClientConnection connection, Identity identity) {
        unbind(connection);
        connection.identity(identity);
        boolean[] first = {false};
        byUser.compute(identity.userId(), (id, set) -> {
            Set<ClientConnection> connections = set == null ? ConcurrentHashMap.newKeySet() : set;
            first[0] = connections.isEmpty();
            connections.add(connection);
            return connections;
        });
        if (first[0]) {
            presence.online(identity);
        }
    }

    public boolean isOnline(long userId) {
        return byUser.containsKey(userId);
    }

    /** Signs a connection out; it stays open but anonymous. */
    public void unbind(ClientConnection connection) {
        Identity identity = connection.identity();
        if (identity == null) {
            return;
        }
        connection.identity(null);
        boolean[] last = {false};
        byUser.computeIfPresent(identity.userId(), (id, set) -> {
            last[0] = set.remove(connection) && set.isEmpty();
            return set.isEmpty() ? null : set;
        });
        if (last[0]) {
            presence.offline(identity);
        }
    }

    public Set<ClientConnection> connectionsOf(long userId) {
        return byUser.getOrDefault(userId, Set.of());
    }

    /** The users with at least one signed-in connection on this node. */
    public Set<Long> onlineUserIds() {
        return Set.copyOf(byUser.keySet());
    }

    /** Closes every signed-in connection on this node, e.g. so that clients reconnect and sync. */
    public void closeAll(int code, String reason) {
        byUser.values().forEach(connections -> connections.forEach(c -> c.close(code, reason)));
    }

    public List<ClientConnection> connectionsOfSession(long userId, long sessionId) {
        return connectionsOf(userId).stream()
                .filter(c -> c.identity() != null && c.identity().sessionId() == sessionId)
                .toList();
    }
}
