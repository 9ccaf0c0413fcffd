package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.protocol.Request;
import dev.parley.server.testing.RawWebSocket;
import dev.parley.server.testing.TestServers;
import dev.parley.server.testing.WireClient;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connections are pinged a slice at a time; a peer that answers stays, one that went silent is dropped. */
class HeartbeatTest {
    private static final Duration INTERVAL = Duration.ofMillis(300);

    @TempDir
    Path dataDir;

    private ParleyServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aClientThatAnswersPingsStaysAndOneThatWentSilentIsDropped() throws Exception {
        server = TestServers.start(TestServers.config(dataDir).pingInterval(INTERVAL).build());
        try (WireClient answering = WireClient.registered(server.uri(), "answering");
                RawWebSocket silent = RawWebSocket.open(server.uri())) {
            // The raw socket reads what comes (pings included) and never answers: after 1.5 intervals it is dropped
            // (awaitHangUp fails with a timeout if the server never hangs up).
            silent.awaitHangUp();

            // The JDK's WebSocket answers pings by itself: it stays through four more intervals, and is served.
            await().during(INTERVAL.multipliedBy(4)).atMost(INTERVAL.multipliedBy(8))
                    .until(() -> !answering.isClosed());
            assertThat(answering.ok(new Request.ConversationList())).isNotNull();
        }
    }
}
