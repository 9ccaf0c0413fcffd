package dev.parley.client.media;

/**
 * One photo prepared at both qualities from a single decode, so the tray can show what the recipient gets for
 * each (pixel size, file size) and upload the chosen one without working on it again. Both are the same object
 * for a photo already within the Standard size, for a GIF, and when HD would be over the upload cap.
 */
public record PhotoChoices(PreparedPhoto standard, PreparedPhoto hd) {

    public PreparedPhoto get(PhotoQuality quality) {
        return quality == PhotoQuality.HD ? hd : standard;
    }
}
