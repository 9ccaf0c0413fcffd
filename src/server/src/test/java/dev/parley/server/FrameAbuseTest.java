package dev.parley.server;

import static dev.parley.server.testing.RawWebSocket.CONTINUATION;
import static dev.parley.server.testing.RawWebSocket.FIN;
import static dev.parley.server.testing.RawWebSocket.PING;
import static dev.parley.server.testing.RawWebSocket.PONG;
import static dev.parley.server.testing.RawWebSocket.TEXT;
import static dev.parley.server.testing.RawWebSocket.frame;
import static dev.parley.server.testing.RawWebSocket.hello;
import static dev.parley.server.testing.RawWebSocket.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.protocol.Limits;
import dev.parley.server.testing.RawFramesTest;
import dev.parley.server.testing.RawWebSocket;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Data and control frames no client library would send, over a raw socket, in the spirit of the Autobahn
 * test suite (RFC 6455 §5): each gets the close code the RFC asks for, and the server goes on serving others.
 */
class FrameAbuseTest extends RawFramesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PROTOCOL_ERROR = 1002;
    private static final int INVALID_UTF8 = 1007;
    private static final int TOO_BIG = 1009;

    @Test
    void aFragmentedTextMessageIsReassembledEvenWhenACharacterIsSplitAcrossFragments() throws Exception {
        byte[] request = utf8(hello("é-split"));
        int split = indexOf(request, (byte) 0xC3) + 1;
        try (RawWebSocket socket = raw()) {
            socket.write(frame(TEXT, Arrays.copyOfRange(request, 0, 10)));
            socket.writeByteByByte(frame(CONTINUATION, Arrays.copyOfRange(request, 10, split)));
            socket.write(frame(FIN | CONTINUATION, Arrays.copyOfRange(request, split, request.length)));

            JsonNode reply = JSON.readTree(socket.readFrame().text());

            assertThat(reply.get("re").asText()).isEqualTo("é-split");
            assertThat(reply.get("type").asText()).isEqualTo("ok");
        }
        assertFriendsStillTalk();
    }

    @Test
    void fragmentsCountAsOneMessageAgainstTheTextLimit() throws Exception {
        byte[] part = utf8("x".repeat(Limits.MAX_FRAME_BYTES / 2));

        int code = closeCodeAfter(frame(TEXT, part), frame(CONTINUATION, part), frame(FIN | CONTINUATION, part));

        assertThat(code).isEqualTo(TOO_BIG);
        assertFriendsStillTalk();
    }

    @Test
    void endlessMiddleFragmentsAreCutOffOnceTheyPassTheLimit() throws Exception {
        byte[] part = utf8("x".repeat(16 * 1024));
        try (RawWebSocket socket = raw()) {
            socket.write(frame(TEXT, part));
            // Four middle fragments take the message just past 64 KiB, with no final fragment in sight. (Writing on
            // after the server's close would race its end of the connection: a reset can swallow the close frame.)
            for (int i = 0; i < 4; i++) {
                socket.write(frame(CONTINUATION, part));
            }

            assertThat(socket.awaitClose().closeCode()).isEqualTo(TOO_BIG);
        }
        assertFriendsStillTalk();
    }

    @Test
    void aNewMessageInsideAFragmentedOneIsAProtocolError() throws Exception {
        byte[] request = utf8(hello("interleaved"));

        int code = closeCodeAfter(frame(TEXT, Arrays.copyOf(request, 5)), frame(FIN | TEXT, request));

        assertThat(code).isEqualTo(PROTOCOL_ERROR);
        assertFriendsStillTalk();
    }

    @Test
    void aContinuationWithoutAStartIsAProtocolError() throws Exception {
        assertThat(closeCodeAfter(frame(FIN | CONTINUATION, utf8(hello("orphan"))))).isEqualTo(PROTOCOL_ERROR);
        assertFriendsStillTalk();
    }

    @Test
    void aPingInTheMiddleOfAFragmentedMessageIsAnsweredAndTheMessageArrivesWhole() throws Exception {
        byte[] request = utf8(hello("with-ping"));
        try (RawWebSocket socket = raw()) {
            socket.write(frame(TEXT, Arrays.copyOf(request, 7)));
            socket.write(frame(FIN | PING, utf8("are you there")));
            socket.write(frame(FIN | CONTINUATION, Arrays.copyOfRange(request, 7, request.length)));

            RawWebSocket.Frame pong = socket.readFrame();
            JsonNode reply = JSON.readTree(socket.readFrame().text());

            assertThat(pong.opcode()).isEqualTo(PONG);
            assertThat(pong.text()).isEqualTo("are you there");
            assertThat(reply.get("re").asText()).isEqualTo("with-ping");
            assertThat(reply.get("type").asText()).isEqualTo("ok");
        }
        assertFriendsStillTalk();
    }

    @Test
    void invalidUtf8InATextFrameIs1007() throws Exception {
        byte[] bad = {'{', '"', (byte) 0xC3, 0x28, '"', '}'};

        assertThat(closeCodeAfter(frame(FIN | TEXT, bad))).isEqualTo(INVALID_UTF8);
        assertFriendsStillTalk();
    }

    @Test
    void invalidUtf8SplitAcrossFragmentsIs1007() throws Exception {
        // Each fragment alone could be the edge of a valid text; together E2 82 28 is not UTF-8.
        byte[] first = {'"', 'a', (byte) 0xE2, (byte) 0x82};
        byte[] second = {0x28, '"'};

        assertThat(closeCodeAfter(frame(TEXT, first), frame(FIN | CONTINUATION, second))).isEqualTo(INVALID_UTF8);
        assertFriendsStillTalk();
    }

    @Test
    void aControlFrameOver125BytesIsAProtocolError() throws Exception {
        assertThat(closeCodeAfter(frame(FIN | PING, new byte[126]))).isEqualTo(PROTOCOL_ERROR);
        assertFriendsStillTalk();
    }

    @Test
    void aFragmentedControlFrameIsAProtocolError() throws Exception {
        assertThat(closeCodeAfter(frame(PING, utf8("half")), frame(FIN | CONTINUATION, utf8("ping"))))
                .isEqualTo(PROTOCOL_ERROR);
        assertFriendsStillTalk();
    }

    @ParameterizedTest(name = "reserved bit {0}")
    @ValueSource(ints = {RawWebSocket.RSV1, RawWebSocket.RSV2, RawWebSocket.RSV3})
    void reservedBitsWithoutAnExtensionAreAProtocolError(int reservedBit) throws Exception {
        assertThat(closeCodeAfter(frame(FIN | reservedBit | TEXT, utf8(hello("rsv"))))).isEqualTo(PROTOCOL_ERROR);
        assertFriendsStillTalk();
    }

    @ParameterizedTest(name = "opcode {0}")
    @ValueSource(ints = {0x3, 0x7, 0xB, 0xF})
    void anUnknownOpcodeIsAProtocolError(int opcode) throws Exception {
        assertThat(closeCodeAfter(frame(FIN | opcode, utf8("?")))).isEqualTo(PROTOCOL_ERROR);
        assertFriendsStillTalk();
    }

    @Test
    void anUnmaskedClientFrameIsAProtocolError() throws Exception {
        try (RawWebSocket socket = raw()) {
            socket.writeByteByByte(frame(FIN | TEXT, utf8(hello("unmasked")), false));

            RawWebSocket.Frame first = socket.readFrame();

            assertThat(first.opcode()).as("no reply to the unmasked request, only a close")
                    .isEqualTo(RawWebSocket.CLOSE);
            assertThat(first.closeCode()).isEqualTo(PROTOCOL_ERROR);
        }
        assertFriendsStillTalk();
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        throw new IllegalArgumentException("no such byte");
    }
}
