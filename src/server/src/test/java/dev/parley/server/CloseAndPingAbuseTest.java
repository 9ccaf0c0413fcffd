package dev.parley.server;

import static dev.parley.server.testing.RawWebSocket.CLOSE;
import static dev.parley.server.testing.RawWebSocket.FIN;
import static dev.parley.server.testing.RawWebSocket.PING;
import static dev.parley.server.testing.RawWebSocket.PONG;
import static dev.parley.server.testing.RawWebSocket.closePayload;
import static dev.parley.server.testing.RawWebSocket.frame;
import static dev.parley.server.testing.RawWebSocket.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.testing.RawFramesTest;
import dev.parley.server.testing.RawWebSocket;
import dev.parley.server.testing.TestServers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Close frames a peer may not send, and ping floods, over a raw socket: the close codes of RFC 6455 §7.4 and
 * §5.5, and the server goes on serving others meanwhile.
 */
class CloseAndPingAbuseTest extends RawFramesTest {
    private static final int PINGS = 5_000;
    /** Pings sent at once: well under the backlog of 256 frames the server allows a connection here. */
    private static final int BURST = 100;

    @Override
    protected ServerConfig config() {
        return TestServers.config(dataDir).maxBacklogFrames(256).build();
    }

    @Test
    void aCloseWithoutStatusIsAnsweredWithANormalCloseAndTheConnectionEnds() throws Exception {
        try (RawWebSocket socket = raw()) {
            socket.send(FIN | CLOSE, new byte[0]);

            RawWebSocket.Frame reply = socket.awaitClose();

            assertThat(reply.closeCode()).as("an empty close or 1000 (RFC 6455 §5.5.1)")
                    .isIn(1000, RawWebSocket.NO_STATUS);
            assertThat(socket.drainUntilClosed()).as("the server ends the TCP connection").isZero();
        }
        assertFriendsStillTalk();
    }

    @ParameterizedTest(name = "close code {0}")
    @ValueSource(ints = {1000, 1001, 1011, 1013, 3000, 4999})
    void aValidCloseIsEchoed(int code) throws Exception {
        assertThat(closeCodeAfter(frame(FIN | CLOSE, closePayload(code, utf8("bye"))))).isEqualTo(code);
        assertFriendsStillTalk();
    }

    @ParameterizedTest(name = "close code {0}")
    @ValueSource(ints = {0, 999, 1004, 1005, 1006, 1015, 1016, 2999, 5000, 65535})
    void aCloseCodeNoPeerMaySendIsAProtocolError(int code) throws Exception {
        assertThat(closeCodeAfter(frame(FIN | CLOSE, closePayload(code)))).isEqualTo(1002);
        assertFriendsStillTalk();
    }

    @Test
    void aCloseWithAOneBytePayloadIsAProtocolError() throws Exception {
        assertThat(closeCodeAfter(frame(FIN | CLOSE, new byte[] {3}))).isEqualTo(1002);
        assertFriendsStillTalk();
    }

    @Test
    void aCloseReasonThatIsNotUtf8Is1007() throws Exception {
        byte[] payload = closePayload(1000, (byte) 'o', (byte) 0xC3, (byte) 0x28);
        try (RawWebSocket socket = raw()) {
            socket.writeByteByByte(frame(FIN | CLOSE, payload));

            assertThat(socket.awaitClose().closeCode()).isEqualTo(1007);
        }
        assertFriendsStillTalk();
    }

    @Test
    void thousandsOfPingsInBurstsWithinTheBacklogAreEachAnsweredInOrderWhileOthersAreServed() throws Exception {
        try (RawWebSocket socket = raw()) {
            CompletableFuture<List<String>> pongs = CompletableFuture.supplyAsync(() -> pingInBursts(socket));
            assertFriendsStillTalk();

            assertThat(pongs.join()).containsExactlyElementsOf(
                    IntStream.range(0, PINGS).mapToObj(i -> "ping " + i).toList());
        }
        assertFriendsStillTalk();
    }

    /** Sends {@link #PINGS} pings, {@link #BURST} at a time in one write, reading each burst's pongs. */
    private static List<String> pingInBursts(RawWebSocket socket) {
        List<String> pongs = new ArrayList<>();
        try {
            for (int burst = 0; burst < PINGS / BURST; burst++) {
                ByteArrayOutputStream pings = new ByteArrayOutputStream();
                for (int i = burst * BURST; i < (burst + 1) * BURST; i++) {
                    pings.write(frame(FIN | PING, utf8("ping " + i)));
                }
                socket.write(pings.toByteArray());
                while (pongs.size() < (burst + 1) * BURST) {
                    RawWebSocket.Frame frame = socket.readFrame();
                    assertThat(frame.opcode()).isEqualTo(PONG);
                    pongs.add(frame.text());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("after " + pongs.size() + " pongs", e);
        }
        return pongs;
    }

    @Test
    void aPingFloodFasterThanThePeerReadsThePongsIsCutOff() throws Exception {
        byte[] ping = frame(FIN | PING, new byte[125]);
        ByteArrayOutputStream batch = new ByteArrayOutputStream();
        for (int i = 0; i < 1_000; i++) {
            batch.write(ping);
        }
        try (RawWebSocket socket = RawWebSocket.open(server.uri(), null, 4096)) {
            // Far more pongs than socket buffers and the backlog of 256 frames hold; the server hangs up on the way.
            try {
                for (int i = 0; i < 400; i++) {
                    socket.write(batch.toByteArray());
                }
            } catch (IOException e) {
                // The server hung up mid-flood.
            }

            assertThat(socket.drainUntilClosed()).as("the server hung up instead of queueing pongs")
                    .isNotEqualTo(-1);
        }
        assertFriendsStillTalk();
    }
}
