package dev.parley.protocol;

import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * One piece of an upload, sent as a binary frame: a {@value #HEADER_BYTES}-byte header (the upload id as
 * two big-endian longs, then the offset of the data as a big-endian long) followed by up to
 * {@link Limits#MAX_CHUNK_BYTES} bytes of data.
 */
public record UploadChunk(UUID uploadId, long offset, ByteBuffer data) {
    public static final int HEADER_BYTES = 24;
    /** Largest binary frame a client may send. */
    public static final int MAX_FRAME_BYTES = HEADER_BYTES + Limits.MAX_CHUNK_BYTES;

    /** Reads a binary frame; {@code bad_request} when it is too short, too long or has a negative offset. */
    public static UploadChunk parse(ByteBuffer frame) {
        if (frame.remaining() <= HEADER_BYTES) {
            throw ProtocolException.badRequest("a chunk needs a " + HEADER_BYTES + "-byte header and data");
        }
        if (frame.remaining() > MAX_FRAME_BYTES) {
            throw new ProtocolException(ErrorCode.TOO_LARGE, "a chunk carries at most " + Limits.MAX_CHUNK_BYTES
                    + " bytes");
        }
        ByteBuffer copy = frame.duplicate();
        UUID id = new UUID(copy.getLong(), copy.getLong());
        long offset = copy.getLong();
        if (offset < 0) {
            throw ProtocolException.badRequest("a chunk's offset must not be negative");
        }
        return new UploadChunk(id, offset, copy.slice());
    }

    /** The binary frame for {@code length} bytes of {@code bytes} from {@code from}, to send at {@code offset}. */
    public static ByteBuffer frame(UUID uploadId, long offset, byte[] bytes, int from, int length) {
        ByteBuffer frame = ByteBuffer.allocate(HEADER_BYTES + length);
        frame.putLong(uploadId.getMostSignificantBits()).putLong(uploadId.getLeastSignificantBits()).putLong(offset);
        frame.put(bytes, from, length);
        return frame.flip();
    }
}
