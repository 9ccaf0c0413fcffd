package dev.parley.client.store;

import dev.parley.protocol.MediaItem;
import java.nio.file.Path;

/** One item of an outbox message: what it is, and the file with its bytes while the upload is not done (or null). */
public record OutboxMedia(MediaItem item, Path pending) {
}
