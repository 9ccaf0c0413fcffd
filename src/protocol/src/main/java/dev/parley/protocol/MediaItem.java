package dev.parley.protocol;

/**
 * A stored photo, GIF or video as messages carry it and as {@code media.commit} answers: its id (the
 * SHA-256 of its bytes, hex), type, size in bytes, for images its dimensions, and in a message the small
 * preview its sender attached ({@code thumbnail}, absent when none).
 */
public record MediaItem(String mediaId, String mime, long size, Integer width, Integer height, MediaItem thumbnail) {

    public MediaItem(String mediaId, String mime, long size, Integer width, Integer height) {
        this(mediaId, mime, size, width, height, null);
    }
}
