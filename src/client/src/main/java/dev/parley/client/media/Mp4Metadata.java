package dev.parley.client.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * Removes the metadata an MP4 carries about where and with what it was made, without touching a single
 * frame: the user-data and metadata boxes ({@code udta}, {@code meta}: location such as {@code ©xyz} or
 * Apple's {@code com.apple.quicktime.location.ISO6709}, camera make and model, software) and XMP {@code uuid}
 * boxes become {@code free} boxes of the same size filled with zeros. Nothing moves, so the sample offsets stay
 * right and every player skips what is left.
 */
final class Mp4Metadata {
    /** Boxes whose children are looked at; metadata boxes elsewhere (inside sample tables) do not occur. */
    private static final Set<String> CONTAINERS = Set.of("moov", "trak");
    private static final Set<String> METADATA = Set.of("udta", "meta", "uuid");
    private static final byte[] FREE = "free".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_DEPTH = 4;

    private Mp4Metadata() {
    }

    /** Blanks the metadata boxes of the MP4 in {@code file}, in place; returns how many there were. */
    static int strip(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            return strip(channel, 0, channel.size(), 0);
        }
    }

    private static int strip(FileChannel channel, long from, long to, int depth) throws IOException {
        int blanked = 0;
        long at = from;
        ByteBuffer header = ByteBuffer.allocate(16);
        while (at + 8 <= to) {
            header.clear().limit(8);
            readFully(channel, header, at);
            long size = Integer.toUnsignedLong(header.getInt(0));
            String type = new String(header.array(), 4, 4, StandardCharsets.US_ASCII);
            int headerLength = 8;
            if (size == 1) {
                header.clear().limit(8);
                readFully(channel, header, at + 8);
                size = header.getLong(0);
                headerLength = 16;
            } else if (size == 0) {
                size = to - at;
            }
            if (size < headerLength || at + size > to) {
                throw new IOException("a broken MP4 box '" + type + "' at " + at);
            }
            if (METADATA.contains(type)) {
                blank(channel, at, size, headerLength);
                blanked++;
            } else if (CONTAINERS.contains(type) && depth < MAX_DEPTH) {
                blanked += strip(channel, at + headerLength, at + size, depth + 1);
            }
            at += size;
        }
        return blanked;
    }

    /** Turns the box into a {@code free} box of the same length: its type renamed, its payload zeroed. */
    private static void blank(FileChannel channel, long at, long size, int headerLength) throws IOException {
        channel.write(ByteBuffer.wrap(FREE), at + 4);
        ByteBuffer zeros = ByteBuffer.allocate(64 * 1024);
        long position = at + headerLength;
        long end = at + size;
        while (position < end) {
            zeros.clear().limit((int) Math.min(zeros.capacity(), end - position));
            position += channel.write(zeros, position);
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("the MP4 ends inside a box header");
            }
        }
    }
}
