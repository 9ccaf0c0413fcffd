package dev.parley.server.store;

import dev.parley.protocol.MediaItem;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What the server knows about stored media (the bytes themselves live in files) and who may see them:
 * their uploaders, and members of a conversation with a message that carries them.
 */
public interface MediaStore {

    /** The stored media with this SHA-256, if any. */
    Optional<MediaItem> find(String sha256);

    /** Whether the user uploaded this content (and so may send it without uploading it again). */
    boolean owns(long userId, String sha256);

    /** Whether the user may read this media: they uploaded it or can see a message that carries it. */
    boolean canSee(long userId, String sha256);

    /** Records checked, published media (or adds the user as another uploader of the same content). */
    CompletableFuture<MediaItem> record(MediaItem item, long uploaderId, Instant now);
}
