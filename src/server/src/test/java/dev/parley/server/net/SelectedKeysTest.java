package dev.parley.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.java_websocket.WebSocketImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The draining view of a real selector's selected keys, over a real loopback connection. */
class SelectedKeysTest {
    private Selector selector;
    private ServerSocketChannel listener;
    private SocketChannel client;
    private SocketChannel served;
    private SelectionKey key;
    private WebSocketImpl socket;

    @BeforeEach
    void connect() throws Exception {
        selector = Selector.open();
        listener = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        client = SocketChannel.open(listener.getLocalAddress());
        served = listener.accept();
        served.configureBlocking(false);
        WsTransport transport = new WsTransport(new InetSocketAddress("127.0.0.1", 0), null, new SessionRegistry(),
                16, 0, Duration.ofSeconds(15));
        socket = new WebSocketImpl(transport, new StrictDraft());
        key = served.register(selector, SelectionKey.OP_READ, socket);
    }

    @AfterEach
    void close() throws Exception {
        client.close();
        served.close();
        listener.close();
        selector.close();
    }

    @Test
    void eachWalkHandsOutWhatWasSelectedSinceTheLastOne() throws Exception {
        SelectedKeys.Draining keys = new SelectedKeys.Draining(selector.selectedKeys());
        client.write(ByteBuffer.wrap(new byte[] {1}));

        assertThat(selector.select(5_000)).isEqualTo(1);
        assertThat(walk(keys)).containsExactly(key);
        assertThat(selector.selectedKeys()).as("taken out by the walk").isEmpty();
        assertThat(walk(keys)).as("nothing selected since").isEmpty();
    }

    @Test
    void aFrameQueuedWhileTheLoopSetReadOnlyGetsItsWriteInterestBack() throws Exception {
        SelectedKeys.Draining keys = walkedOnceAfterARead();

        // The race: another thread queued a frame and asked for writing, then the loop's doWrite, which had found
        // the queue empty a moment before, set the interest back to reading only.
        socket.outQueue.put(ByteBuffer.wrap(new byte[] {2}));
        key.interestOps(SelectionKey.OP_READ);
        walk(keys);

        assertThat(key.interestOps() & SelectionKey.OP_WRITE).as("interest in writing again")
                .isEqualTo(SelectionKey.OP_WRITE);
    }

    @Test
    void aKeyWithNothingQueuedKeepsReadingOnly() throws Exception {
        SelectedKeys.Draining keys = walkedOnceAfterARead();

        walk(keys);

        assertThat(key.interestOps()).isEqualTo(SelectionKey.OP_READ);
    }

    /** The draining view after the client wrote a byte, the selector reported it and the loop walked it once. */
    private SelectedKeys.Draining walkedOnceAfterARead() throws Exception {
        SelectedKeys.Draining keys = new SelectedKeys.Draining(selector.selectedKeys());
        client.write(ByteBuffer.wrap(new byte[] {1}));
        assertThat(selector.select(5_000)).isEqualTo(1);
        assertThat(walk(keys)).containsExactly(key);
        return keys;
    }

    private static List<SelectionKey> walk(SelectedKeys.Draining keys) {
        List<SelectionKey> seen = new ArrayList<>();
        keys.iterator().forEachRemaining(seen::add);
        return seen;
    }
}
