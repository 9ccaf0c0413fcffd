package dev.parley.server.net;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The signed-in connections on this node, by user and by device session. */
public final class SessionRegistry {
    private final Map<Long, Set<ClientConnection>> byUser = new ConcurrentHashMap<>();

    /** Signs a connection in (or over to another identity). */
    public void bind(ClientConnection connection, Identity identity) {
        unbind(connection);
        connection.identity(identity);
        byUser.computeIfAbsent(identity.userId(), id -> ConcurrentHashMap.newKeySet()).add(connection);
    }

    /** Signs a connection out; it stays open but anonymous. */
    public void unbind(ClientConnection connection) {
        Identity identity = connection.identity();
        if (identity == null) {
            return;
        }
        connection.identity(null);
        byUser.computeIfPresent(identity.userId(), (id, set) -> {
            set.remove(connection);
            return set.isEmpty() ? null : set;
        });
    }

    public Set<ClientConnection> connectionsOf(long userId) {
        return byUser.getOrDefault(userId, Set.of());
    }

    public List<ClientConnection> connectionsOfSession(long userId, long sessionId) {
        return connectionsOf(userId).stream()
                .filter(c -> c.identity() != null && c.identity().sessionId() == sessionId)
                .toList();
    }
}
