package dev.parley.server.bus;

import dev.parley.protocol.Codec;
import dev.parley.protocol.Event;
import dev.parley.server.net.ClientConnection;
import dev.parley.server.net.SessionRegistry;

/** The single-node {@link Bus}: hands events straight to this node's connections. */
public final class LocalBus implements Bus {
    private final SessionRegistry registry;
    private final Codec codec;

    public LocalBus(SessionRegistry registry, Codec codec) {
        this.registry = registry;
        this.codec = codec;
    }

    /** Encodes the event once, as JSON and as a WebSocket frame, however many members receive it. */
    @Override
    public void publish(java.util.Collection<Long> userIds, Event event) {
        ClientConnection.Shared frame = null;
        for (long userId : userIds) {
            var connections = registry.connectionsOf(userId);
            if (!connections.isEmpty() && frame == null) {
                frame = ClientConnection.share(codec.encodeEvent(event));
            }
            for (ClientConnection connection : connections) {
                connection.send(frame);
            }
        }
    }

    @Override
    public void publish(long userId, Event event) {
        var connections = registry.connectionsOf(userId);
        if (connections.isEmpty()) {
            return;
        }
        String frame = codec.encodeEvent(event);
        for (ClientConnection connection : connections) {
            connection.send(frame);
        }
    }
}
