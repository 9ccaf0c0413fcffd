package dev.parley.server;

import static dev.parley.server.testing.RawWebSocket.FIN;
import static dev.parley.server.testing.RawWebSocket.TEXT;
import static dev.parley.server.testing.RawWebSocket.hello;
import static dev.parley.server.testing.RawWebSocket.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.server.testing.RawWebSocket;
import dev.parley.server.testing.ServerTest;
import dev.parley.server.testing.TestServers;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Slow loris: connections that are accepted and never finish their handshake. Each has a deadline, and one address
 * may hold only so many unfinished at once; other clients are served all along.
 */
class SlowHandshakeTest extends ServerTest {
    private static final int CAP = 3;
    private final List<RawWebSocket> sockets = new ArrayList<>();

    @AfterEach
    void closeSockets() throws IOException {
        for (RawWebSocket socket : sockets) {
            socket.close();
        }
    }

    @Test
    void aConnectionThatNeverFinishesItsHandshakeIsDroppedAtTheDeadline() throws Exception {
        startServer(TestServers.config(dataDir).handshakeTimeout(Duration.ofSeconds(1)).build());
        RawWebSocket silent = connect(InetAddress.getByName("127.0.0.1"));
        RawWebSocket halfway = connect(InetAddress.getByName("127.0.0.1"));
        halfway.writeRaw("GET / HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n".getBytes(StandardCharsets.US_ASCII));

        silent.awaitHangUp();
        halfway.awaitHangUp();

        assertThat(helloFrom(InetAddress.getByName("127.0.0.1"), "after")).contains("\"type\":\"ok\"");
    }

    @Test
    void unfinishedHandshakesFromOneAddressAreCappedWhileOthersAreServed() throws Exception {
        // a deadline far beyond the read timeout: whatever hangs up below was refused by the cap
        startServer(TestServers.config(dataDir).maxConnectionsPerAddress(CAP).handshakeTimeout(Duration.ofMinutes(10))
                .build());
        InetAddress flooder = InetAddress.getByName("127.0.0.1");
        List<RawWebSocket> unfinished = new ArrayList<>();
        for (int i = 0; i < CAP; i++) {
            unfinished.add(connect(flooder));
        }

        RawWebSocket past = connect(flooder);
        past.awaitHangUp();
        assertThatThrownBy(() -> helloFrom(flooder, "past")).as("a full client from there too, while the cap is full")
                .isInstanceOf(IOException.class);
        assertThat(helloFrom(InetAddress.getByName("127.0.0.2"), "neighbour")).contains("\"type\":\"ok\"");

        // the unfinished ones were kept: one finishes its handshake, which frees a place for a new one
        RawWebSocket finished = unfinished.get(0).upgrade(server.uri());
        finished.send(FIN | TEXT, utf8(hello("finished")));
        assertThat(finished.readMessage().text()).contains("\"type\":\"ok\"");
        assertThat(helloFrom(flooder, "freed")).contains("\"type\":\"ok\"");
    }

    private RawWebSocket connect(InetAddress local) throws IOException {
        RawWebSocket socket = RawWebSocket.connect(server.uri(), local, 0);
        sockets.add(socket);
        return socket;
    }

    /** A whole connection from {@code local}: handshake, {@code hello}, and the reply's text. */
    private String helloFrom(InetAddress local, String id) throws IOException {
        RawWebSocket socket = RawWebSocket.open(server.uri(), local, 0);
        sockets.add(socket);
        socket.send(FIN | TEXT, utf8(hello(id)));
        return socket.readMessage().text();
    }
}
