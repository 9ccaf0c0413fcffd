package dev.parley.protocol;

/**
 * A media item named in {@code msg.send}: the id {@code media.commit} returned and, optionally, the id of a
 * small preview image of it (≤ {@value Limits#MAX_THUMBNAIL_SIDE} px a side) that receivers can show at once.
 */
public record MediaRef(String mediaId, String thumbnailId) {
    public MediaRef {
        mediaId = Check.sha256(mediaId, "mediaId");
        thumbnailId = thumbnailId == null ? null : Check.sha256(thumbnailId, "thumbnailId");
    }

    public MediaRef(String mediaId) {
        this(mediaId, null);
    }
}
