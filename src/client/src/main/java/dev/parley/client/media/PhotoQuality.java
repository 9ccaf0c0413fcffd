package dev.parley.client.media;

/** How much of a photo is sent: Standard is downscaled to save data, HD keeps every pixel. */
public enum PhotoQuality {
    /** Long edge at most 2,048 pixels (never enlarged), JPEG quality 0.85. */
    STANDARD(2_048),
    /** The original resolution, still re-encoded so that metadata is stripped and orientation applied. */
    HD(Integer.MAX_VALUE);

    private final int maxLongEdge;

    PhotoQuality(int maxLongEdge) {
        this.maxLongEdge = maxLongEdge;
    }

    /** The longest side, in pixels, a photo of this quality may have. */
    public int maxLongEdge() {
        return maxLongEdge;
    }
}
