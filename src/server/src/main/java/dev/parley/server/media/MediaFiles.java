package dev.parley.server.media;

import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.ProtocolException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media files under the data directory: partial uploads in {@code uploads/<uploadId>}, and checked
 * media content-addressed in {@code media/ab/cd/<sha256>}, each published whole by an atomic rename.
 */
final class MediaFiles {
    private static final Logger log = LoggerFactory.getLogger(MediaFiles.class);

    private final Path media;
    private final Path uploads;

    /** Partial uploads left from an earlier run are deleted: their upload state lived in memory. */
    MediaFiles(Path dataDir) {
        this.media = dataDir.resolve("media");
        this.uploads = dataDir.resolve("uploads");
        try {
            Files.createDirectories(media);
            Files.createDirectories(uploads);
            try (Stream<Path> leftovers = Files.list(uploads)) {
                leftovers.forEach(this::delete);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare media directories under " + dataDir, e);
        }
    }

    Path partial(UUID uploadId) {
        return uploads.resolve(uploadId.toString());
    }

    Path stored(String sha256) {
        return media.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    /** Writes a chunk at {@code offset}; on failure cuts the file back so nothing of the chunk remains. */
    void append(Path partial, long offset, ByteBuffer data) throws IOException {
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            try {
                channel.position(offset);
                while (data.hasRemaining()) {
                    channel.write(data);
                }
            } catch (IOException e) {
                channel.truncate(offset);
                throw e;
            }
        }
    }

    /** The SHA-256 of a file, as lower-case hex. */
    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Moves a checked upload into the store: into a temporary name in the target directory, fsync, then an
     * atomic rename, so a reader never sees half a file. Content already stored (another upload of the same
     * bytes) is kept as it is, and the upload is dropped.
     */
    void publish(Path partial, String sha256) throws IOException {
        Path target = stored(sha256);
        if (Files.exists(target)) {
            delete(partial);
            return;
        }
        Files.createDirectories(target.getParent());
        Path temporary = target.resolveSibling(sha256 + "." + partial.getFileName() + ".tmp");
        Files.move(partial, temporary, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(target.getParent());
    }

    /** Up to {@code length} bytes of stored media from {@code offset}. */
    byte[] read(String sha256, long offset, int length) throws IOException {
        try (FileChannel channel = FileChannel.open(stored(sha256), StandardOpenOption.READ)) {
            long available = Math.max(0, channel.size() - offset);
            ByteBuffer bytes = ByteBuffer.allocate((int) Math.min(length, available));
            while (bytes.hasRemaining() && channel.read(bytes, offset + bytes.position()) >= 0) {
                // read until full or end of file
            }
            return bytes.position() == bytes.capacity() ? bytes.array() : Arrays.copyOf(bytes.array(), bytes.position());
        }
    }

    boolean isStored(String sha256) {
        return Files.isRegularFile(stored(sha256));
    }

    void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not delete {}", file, e);
        }
    }

    /** Makes the rename itself durable; not every file system lets a directory be opened, which is fine. */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            log.debug("cannot fsync directory {}", directory, e);
        }
    }

    static ProtocolException storageFailure() {
        return new ProtocolException(ErrorCode.INTERNAL, "the media could not be stored");
    }
}
