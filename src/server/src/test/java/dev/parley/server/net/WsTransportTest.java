package dev.parley.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class WsTransportTest {
    @Test
    void listensWithAnAcceptQueueDeepEnoughForAReconnectStorm() {
        WsTransport transport = new WsTransport(new InetSocketAddress("127.0.0.1", 0), null, new SessionRegistry(), 16, 0,
                java.time.Duration.ofSeconds(15));

        // Java-WebSocket binds with this; left at its default, Java uses 50 and a burst of 500 handshakes
        // overflows the kernel's queue (the bench's storm scenario shows clients waiting out SYN retries).
        assertThat(transport.getMaxPendingConnections()).isGreaterThanOrEqualTo(4_096);
    }
}
