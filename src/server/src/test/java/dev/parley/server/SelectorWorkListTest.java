package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.protocol.Request;
import dev.parley.server.testing.TestServers;
import dev.parley.server.testing.WireClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The WebSocket selector's work list holds only what the last select reported. Java-WebSocket alone keeps every
 * connection it only wrote to there for good, and walks them all on every wake-up (decision 011).
 */
class SelectorWorkListTest {
    @TempDir
    Path dataDir;

    private ParleyServer server;
    private final List<WireClient> clients = new ArrayList<>();

    @AfterEach
    void stop() {
        clients.forEach(WireClient::close);
        if (server != null) {
            server.close();
        }
    }

    @Test
    void connectionsTheServerOnlyWroteToDoNotStayInTheSelectorsWorkList() {
        server = TestServers.start(dataDir);
        for (int i = 0; i < 30; i++) {
            WireClient client = WireClient.registered(server.uri(), "reader" + i);
            clients.add(client);
            // a reply is a write; the request before it was a read, which is all that ever took a key out
            client.ok(new Request.ConversationList());
        }

        await("the selector's work list is empty at rest").atMost(Duration.ofSeconds(10))
                .until(() -> server.transport().selectedKeysWaiting() == 0);
    }
}
