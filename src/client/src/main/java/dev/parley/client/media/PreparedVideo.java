package dev.parley.client.media;

import dev.parley.protocol.MediaType;
import java.nio.file.Path;

/**
 * A video ready for upload, never read into memory whole: the file to send, its type, size, SHA-256 and, when one
 * could be made, a poster frame to show before anyone downloads it.
 *
 * @param file for an MP4, a copy with its metadata removed (the pipeline's own temporary file, {@code copy});
 *     otherwise the person's file as it is
 * @param poster the first frame as a still preview, or null (a format the poster grabber cannot decode)
 * @param copy true when {@code file} is the pipeline's temporary copy, which its user may move or delete
 */
public record PreparedVideo(Path file, MediaType type, long size, String sha256, PreparedPhoto.Thumbnail poster,
        boolean copy) {

    /** True when location and camera details were removed (MP4); a WebM goes exactly as it was. */
    public boolean stripped() {
        return copy;
    }
}
