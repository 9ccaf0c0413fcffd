package dev.parley.client.store;

import dev.parley.protocol.MediaItem;
import java.nio.file.Path;

/**
 * One item of a message's media: what it is (with its thumbnail, if any), and while the upload is not done the
 * files with its bytes and its thumbnail's bytes (else null).
 */
public record OutboxMedia(MediaItem item, Path pending, Path thumbnailPending) {

    /** An item as the server names it, with nothing left to upload. */
    public static OutboxMedia stored(MediaItem item) {
        return new OutboxMedia(item, null, null);
    }
}
