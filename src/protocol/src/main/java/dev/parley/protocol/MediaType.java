package dev.parley.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The kinds of media a server accepts, by MIME type, each with its size cap. WebP is not among them: the
 * server has no WebP decoder to check an upload with, and it stores nothing it has not checked.
 */
public enum MediaType {
    JPEG("image/jpeg", Limits.MAX_PHOTO_BYTES, true),
    PNG("image/png", Limits.MAX_PHOTO_BYTES, true),
    GIF("image/gif", Limits.MAX_GIF_BYTES, true),
    MP4("video/mp4", Limits.MAX_VIDEO_BYTES, false),
    WEBM("video/webm", Limits.MAX_VIDEO_BYTES, false);

    private final String mime;
    private final long maxBytes;
    private final boolean image;

    MediaType(String mime, long maxBytes, boolean image) {
        this.mime = mime;
        this.maxBytes = maxBytes;
        this.image = image;
    }

    @JsonValue
    public String mime() {
        return mime;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Images are decoded on upload; videos are checked by their magic bytes only. */
    public boolean isImage() {
        return image;
    }

    /** The type for a MIME string, or {@code bad_request} naming the accepted ones. */
    @JsonCreator
    public static MediaType fromMime(String mime) {
        return Arrays.stream(values())
                .filter(type -> type.mime.equalsIgnoreCase(mime == null ? "" : mime.strip()))
                .findFirst()
                .orElseThrow(() -> ProtocolException.badRequest("'mime' must be one of "
                        + Arrays.stream(values()).map(MediaType::mime).collect(Collectors.joining(", "))));
    }
}
