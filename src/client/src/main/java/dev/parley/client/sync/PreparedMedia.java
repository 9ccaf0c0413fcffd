package dev.parley.client.sync;

import java.util.Objects;

/**
 * A photo (or GIF, or video) ready to send: the exact bytes to upload, their type, the SHA-256 of the bytes
 * (hex) and, for images, the dimensions. The photo pipeline makes these; the outbox only moves them.
 */
public record PreparedMedia(byte[] bytes, String mime, String sha256, Integer width, Integer height) {
    public PreparedMedia {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(mime, "mime");
        Objects.requireNonNull(sha256, "sha256");
    }

    /** Bytes whose hash is not known yet: it is computed here (on the caller's thread, so not on the FX one). */
    public static PreparedMedia of(byte[] bytes, String mime, Integer width, Integer height) {
        return new PreparedMedia(bytes, mime, MediaCache.sha256(bytes), width, height);
    }
}
