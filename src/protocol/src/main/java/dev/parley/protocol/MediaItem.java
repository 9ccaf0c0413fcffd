package dev.parley.protocol;

/**
 * A stored photo, GIF or video as messages carry it and as {@code media.commit} answers: its id (the
 * SHA-256 of its bytes, hex), type, size in bytes and, for images, its dimensions.
 */
public record MediaItem(String mediaId, String mime, long size, Integer width, Integer height) {
}
