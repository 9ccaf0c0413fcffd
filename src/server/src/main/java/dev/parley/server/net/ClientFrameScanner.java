package dev.parley.server.net;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.InvalidFrameException;
import org.java_websocket.framing.CloseFrame;

/**
 * Follows the frame headers of one client's byte stream, however it is split into reads, ahead of the
 * library's parser: it refuses unmasked frames and close frames with a code no peer may send or a reason that
 * is not UTF-8. It only looks; the bytes are left for the parser.
 */
final class ClientFrameScanner {
    private static final int OPCODE_CLOSE = 0x8;
    private static final int MAX_CONTROL_PAYLOAD = 125;

    private final byte[] header = new byte[14];
    private int headerLength;
    private long payloadLeft;
    /** Where the current frame's mask key sits in {@link #header}. */
    private int maskOffset;
    /** The unmasked payload of the close frame being read, or null when the current frame is not one. */
    private ByteArrayOutputStream closePayload;

    void scan(ByteBuffer bytes) throws InvalidDataException {
        ByteBuffer in = bytes.duplicate();
        while (in.hasRemaining()) {
            if (payloadLeft > 0) {
                skipOrCollectPayload(in);
            } else {
                header[headerLength++] = in.get();
                if (headerLength == 2 && (header[1] & 0x80) == 0) {
                    throw new InvalidFrameException("client frames must be masked");
                }
                if (headerLength >= 2 && headerLength == headerSize()) {
                    startPayload();
                }
            }
        }
    }

    /** Header bytes of the current frame: 2, the extended length (0, 2 or 8), and the 4-byte mask. */
    private int headerSize() {
        int length7 = header[1] & 0x7f;
        return 2 + (length7 == 126 ? 2 : length7 == 127 ? 8 : 0) + 4;
    }

    private void startPayload() throws InvalidDataException {
        int length7 = header[1] & 0x7f;
        long length = length7;
        if (length7 == 126) {
            length = (header[2] & 0xffL) << 8 | header[3] & 0xffL;
        } else if (length7 == 127) {
            length = ByteBuffer.wrap(header, 2, 8).getLong();
        }
        boolean close = (header[0] & 0x0f) == OPCODE_CLOSE && length <= MAX_CONTROL_PAYLOAD;
        // A negative 64-bit length is the parser's to refuse (1009); here it just means "the rest".
        payloadLeft = length < 0 ? Long.MAX_VALUE : length;
        closePayload = close ? new ByteArrayOutputStream() : null;
        maskOffset = headerLength - 4;
        headerLength = 0;
        if (close && length == 0) {
            finishClose();
        }
    }

    private void skipOrCollectPayload(ByteBuffer in) throws InvalidDataException {
        int n = (int) Math.min(payloadLeft, in.remaining());
        if (closePayload == null) {
            in.position(in.position() + n);
        } else {
            for (int i = 0; i < n; i++) {
                closePayload.write(in.get() ^ header[maskOffset + closePayload.size() % 4]);
            }
        }
        payloadLeft -= n;
        if (payloadLeft == 0 && closePayload != null) {
            finishClose();
        }
    }

    private void finishClose() throws InvalidDataException {
        byte[] payload = closePayload.toByteArray();
        closePayload = null;
        checkClose(payload);
    }

    private static void checkClose(byte[] payload) throws InvalidDataException {
        if (payload.length == 0) {
            return;
        }
        if (payload.length == 1) {
            throw new InvalidFrameException("a close frame's code takes two bytes");
        }
        int code = (payload[0] & 0xff) << 8 | payload[1] & 0xff;
        if (!StrictDraft.isSendableCloseCode(code)) {
            throw new InvalidFrameException("close code " + code + " may not be sent");
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(payload, 2, payload.length - 2));
        } catch (CharacterCodingException e) {
            throw new InvalidDataException(CloseFrame.NO_UTF8, "the close reason is not UTF-8");
        }
    }
}
