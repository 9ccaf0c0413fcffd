package dev.parley.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.Request;
import java.io.IOException;
import java.util.UUID;

/**
 * Base of tests that send hand-built frames to a server on which two friends keep talking: after each abuse
 * the test checks that alice's next message still reaches bob.
 */
public abstract class RawFramesTest extends TwoFriendsTest {
    protected RawWebSocket raw() throws IOException {
        return RawWebSocket.open(server.uri());
    }

    /** Sends the frames on a fresh connection and returns the server's close frame's code. */
    protected int closeCodeAfter(byte[]... frames) throws IOException {
        try (RawWebSocket socket = raw()) {
            for (byte[] frame : frames) {
                socket.write(frame);
            }
            return socket.awaitClose().closeCode();
        }
    }

    /** Alice's next message reaches bob, live. */
    protected void assertFriendsStillTalk() throws InterruptedException {
        String text = "still here " + UUID.randomUUID();
        alice.ok(new Request.MessageSend(conversation, UUID.randomUUID(), text));
        JsonNode message = bob.awaitEvent(e -> e.get("type").asText().equals("evt.message")
                && e.get("body").get("message").get("text").asText().equals(text));
        assertThat(message).isNotNull();
    }
}
