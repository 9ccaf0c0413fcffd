package dev.parley.server.net;

import dev.parley.protocol.Limits;
import dev.parley.protocol.UploadChunk;
import java.nio.ByteBuffer;
import java.util.List;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.enums.Opcode;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.InvalidFrameException;
import org.java_websocket.exceptions.LimitExceededException;
import org.java_websocket.framing.Framedata;
import org.java_websocket.protocols.Protocol;

/**
 * RFC 6455 as Java-WebSocket 1.6.0 implements it, plus the rules it leaves out for a server: client frames
 * must be masked (1002); a close frame's code must be one a peer may send and its reason UTF-8 (1002, 1007;
 * the library would throw a NullPointerException on a bad reason and leave the connection hanging); and a
 * message is limited as a whole, across its fragments (1009: the library only checks the first and last
 * fragment, so the middle ones could grow without bound). Text messages are limited to
 * {@link Limits#MAX_FRAME_BYTES}, binary ones (upload chunks) to {@link UploadChunk#MAX_FRAME_BYTES}.
 * One instance per connection: the library copies it for each handshake.
 */
final class StrictDraft extends Draft_6455 {
    private final ClientFrameScanner scanner = new ClientFrameScanner();
    /** The data opcode of the message being received (TEXT or BINARY), or null between messages. */
    private Opcode messageOpcode;
    private long messageBytes;

    // An empty protocol list would refuse every handshake; Protocol("") accepts clients that ask for none.
    StrictDraft() {
        super(List.of(), List.of(new Protocol("")), UploadChunk.MAX_FRAME_BYTES);
    }

    @Override
    public Draft copyInstance() {
        return new StrictDraft();
    }

    @Override
    public List<Framedata> translateFrame(ByteBuffer buffer) throws InvalidDataException {
        scanner.scan(buffer);
        try {
            return super.translateFrame(buffer);
        } catch (RuntimeException e) {
            // The library's parser failing on input is the peer's fault; the socket must not be left half-read.
            throw new InvalidFrameException("malformed frame: " + e);
        }
    }

    @Override
    public void processFrame(WebSocketImpl socket, Framedata frame) throws InvalidDataException {
        Opcode opcode = frame.getOpcode();
        if (opcode == Opcode.TEXT || opcode == Opcode.BINARY) {
            messageOpcode = opcode;
            messageBytes = 0;
        }
        if (messageOpcode != null && (opcode == Opcode.TEXT || opcode == Opcode.BINARY
                || opcode == Opcode.CONTINUOUS)) {
            messageBytes += frame.getPayloadData().remaining();
            int limit = messageOpcode == Opcode.TEXT ? Limits.MAX_FRAME_BYTES : UploadChunk.MAX_FRAME_BYTES;
            if (messageBytes > limit) {
                throw new LimitExceededException("message over " + limit + " bytes", limit);
            }
            if (frame.isFin()) {
                messageOpcode = null;
            }
        }
        super.processFrame(socket, frame);
    }

    /** Whether a peer may send this close code (RFC 6455 §7.4, with 1012–1014 as registered since). */
    static boolean isSendableCloseCode(int code) {
        return code >= 1000 && code <= 1003 || code >= 1007 && code <= 1014 || code >= 3000 && code <= 4999;
    }
}
