package dev.parley.protocol;

/** A media item named in {@code msg.send}: the id {@code media.commit} returned. */
public record MediaRef(String mediaId) {
    public MediaRef {
        mediaId = Check.sha256(mediaId, "mediaId");
    }
}
