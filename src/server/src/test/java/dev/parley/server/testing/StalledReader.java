package dev.parley.server.testing;

import java.io.IOException;
import java.net.URI;

/**
 * A real WebSocket client that signs in and then stops reading, with a tiny receive buffer: the peer a
 * server must cut off rather than buffer for without bound. Built on {@link RawWebSocket} because a WebSocket
 * library would keep reading into its own buffers.
 */
public final class StalledReader implements AutoCloseable {
    private final RawWebSocket socket;

    public StalledReader(URI uri, String token) throws IOException {
        socket = RawWebSocket.open(uri, null, 4096);
        socket.send(RawWebSocket.FIN | RawWebSocket.TEXT, RawWebSocket.utf8(
                "{\"v\":1,\"id\":\"h\",\"type\":\"hello\",\"body\":{\"protocol\":1,\"token\":\"" + token + "\"}}"));
    }

    /**
     * Reads everything the server still sends until it closes the connection.
     *
     * @return bytes read, or -1 if the server kept the connection open for the whole read timeout
     */
    public long drainUntilClosed() throws IOException {
        return socket.drainUntilClosed();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
