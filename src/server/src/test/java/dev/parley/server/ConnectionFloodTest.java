package dev.parley.server;

import static dev.parley.server.testing.RawWebSocket.FIN;
import static dev.parley.server.testing.RawWebSocket.TEXT;
import static dev.parley.server.testing.RawWebSocket.hello;
import static dev.parley.server.testing.RawWebSocket.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.server.testing.RawWebSocket;
import dev.parley.server.testing.ServerTest;
import dev.parley.server.testing.TestServers;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A flood of connections from one address: past the cap each is closed with 1013, while another address (on
 * Linux all of 127.0.0.0/8 is loopback) connects and is served as usual.
 */
class ConnectionFloodTest extends ServerTest {
    private static final int CAP = 5;
    private final List<RawWebSocket> sockets = new ArrayList<>();
    private InetAddress flooder;
    private InetAddress neighbour;

    @BeforeEach
    void start() throws IOException {
        startServer(TestServers.config(dataDir).maxConnectionsPerAddress(CAP).build());
        flooder = InetAddress.getByName("127.0.0.1");
        neighbour = InetAddress.getByName("127.0.0.2");
    }

    @AfterEach
    void closeSockets() throws IOException {
        for (RawWebSocket socket : sockets) {
            socket.close();
        }
    }

    @Test
    void connectionsPastTheCapFromOneAddressAreClosedWith1013AndOtherAddressesAreServed() throws Exception {
        for (int i = 0; i < CAP; i++) {
            assertThat(helloFrom(flooder, "within-" + i)).as("connection %d", i).contains("\"type\":\"ok\"");
        }

        List<Integer> refused = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            RawWebSocket extra = open(flooder);
            extra.send(FIN | TEXT, utf8(hello("past-" + i)));
            refused.add(extra.awaitClose().closeCode());
        }

        assertThat(refused).containsOnly(1013);
        assertThat(helloFrom(neighbour, "neighbour")).contains("\"re\":\"neighbour\"", "\"type\":\"ok\"");
    }

    @Test
    void aClosedConnectionFreesItsPlaceUnderTheCap() throws Exception {
        for (int i = 0; i < CAP; i++) {
            helloFrom(flooder, "within-" + i);
        }
        sockets.remove(0).close();

        await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> helloFrom(flooder, "again").contains("\"type\":\"ok\""));
    }

    /** Opens a connection from {@code local} and returns the reply to a {@code hello}; fails if it is closed. */
    private String helloFrom(InetAddress local, String id) throws IOException {
        RawWebSocket socket = open(local);
        socket.send(FIN | TEXT, utf8(hello(id)));
        RawWebSocket.Frame reply = socket.readMessage();
        if (reply.opcode() == RawWebSocket.CLOSE) {
            socket.close();
            sockets.remove(socket);
            throw new IOException("closed with " + reply.closeCode());
        }
        return reply.text();
    }

    private RawWebSocket open(InetAddress local) throws IOException {
        RawWebSocket socket = RawWebSocket.open(server.uri(), local, 0);
        sockets.add(socket);
        return socket;
    }
}
