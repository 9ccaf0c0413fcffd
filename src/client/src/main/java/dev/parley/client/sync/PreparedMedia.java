package dev.parley.client.sync;

import dev.parley.client.media.Sha256;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

/**
 * A photo, GIF or video ready to send: its content, either in memory ({@code bytes}, a prepared photo) or in a
 * file ({@code file}, a video, which is never read into memory whole); its type; the SHA-256 of the content
 * (hex); its size; for images, the dimensions; and optionally a small still preview ({@code thumbnail}: a
 * photo's thumbnail, a video's poster frame) that receivers can show before the download. A {@code temporary}
 * file is a copy the pipeline made (a video without its metadata): the outbox takes it over instead of copying
 * it again. The pipelines make these; the outbox only moves them.
 */
public record PreparedMedia(byte[] bytes, Path file, boolean temporary, String mime, String sha256, long size,
        Integer width, Integer height, PreparedMedia thumbnail) {
    public PreparedMedia {
        if ((bytes == null) == (file == null)) {
            throw new IllegalArgumentException("exactly one of bytes and file");
        }
        Objects.requireNonNull(mime, "mime");
        Objects.requireNonNull(sha256, "sha256");
        if (thumbnail != null && (thumbnail.bytes == null || thumbnail.thumbnail != null)) {
            throw new IllegalArgumentException("a thumbnail is a small picture in memory");
        }
    }

    /** Bytes in memory whose SHA-256 the caller computed (on its own thread). */
    public PreparedMedia(byte[] bytes, String mime, String sha256, Integer width, Integer height) {
        this(bytes, null, false, mime, sha256, bytes.length, width, height, null);
    }

    /** Bytes whose hash is not known yet: it is computed here (on the caller's thread, so not on the FX one). */
    public static PreparedMedia of(byte[] bytes, String mime, Integer width, Integer height) {
        return new PreparedMedia(bytes, mime, Sha256.of(bytes), width, height);
    }

    /** A file to send as it is, with the SHA-256 and size the caller read from it. */
    public static PreparedMedia ofFile(Path file, String mime, String sha256, long size) {
        return new PreparedMedia(null, file, false, mime, sha256, size, null, null, null);
    }

    /** A temporary file made for sending, which the outbox moves into its keeping. */
    public static PreparedMedia ofTemporaryFile(Path file, String mime, String sha256, long size) {
        return new PreparedMedia(null, file, true, mime, sha256, size, null, null, null);
    }

    public PreparedMedia withThumbnail(PreparedMedia preview) {
        return new PreparedMedia(bytes, file, temporary, mime, sha256, size, width, height, preview);
    }

    /**
     * Writes the content to {@code target}: bytes are written, a temporary file is moved, any other file is
     * copied and hashed in one pass.
     *
     * @throws IOException also when the file no longer has the SHA-256 it was prepared with (it changed since)
     */
    void writeTo(Path target) throws IOException {
        if (bytes != null) {
            Files.write(target, bytes);
            return;
        }
        if (temporary) {
            // The pipeline's own copy, hashed when it was made: moved, not read again.
            Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        String copied;
        try (OutputStream out = Files.newOutputStream(target)) {
            copied = Sha256.copy(file, out);
        }
        if (!copied.equals(sha256)) {
            Files.deleteIfExists(target);
            throw new IOException(file.getFileName() + " changed after it was chosen");
        }
    }
}
