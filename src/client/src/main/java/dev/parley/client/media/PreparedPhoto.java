package dev.parley.client.media;

import dev.parley.protocol.MediaType;

/**
 * A photo ready for upload: the exact bytes to send, what they are, their size in pixels, a thumbnail, and the
 * SHA-256 the server will name them by. The arrays are not copied; treat them as read-only.
 *
 * @param bytes the encoded picture (JPEG, PNG, or for a GIF the original file)
 * @param type JPEG, PNG or GIF
 * @param width width in pixels, upright
 * @param height height in pixels, upright
 * @param thumbnail a still preview of at most {@link PhotoPipeline#THUMBNAIL_EDGE} pixels on its long edge
 * @param sha256 lowercase hex SHA-256 of {@code bytes}
 */
public record PreparedPhoto(byte[] bytes, MediaType type, int width, int height, Thumbnail thumbnail,
        String sha256) {

    /** Size of the upload in bytes, what the tray shows as "about 410 KB". */
    public long size() {
        return bytes.length;
    }

    /** A small still preview (JPEG, or PNG when it has transparency). */
    public record Thumbnail(byte[] bytes, MediaType type, int width, int height) {
    }
}
