package dev.parley.client.ui.chat;

import dev.parley.protocol.MediaItem;
import dev.parley.protocol.MediaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Names for media files leaving the cache (where they are named by hash): Save as…, and opening outside the app. */
final class MediaFiles {
    private MediaFiles() {
    }

    /** A name such as {@code video-1a2b3c4d.mp4}. */
    static String suggestedName(MediaItem item) {
        MediaType type = MediaType.fromMime(item.mime());
        String extension = switch (type) {
            case PNG -> ".png";
            case GIF -> ".gif";
            case MP4 -> ".mp4";
            case WEBM -> ".webm";
            case JPEG -> ".jpg";
        };
        return (type.isImage() ? "photo-" : "video-") + item.mediaId().substring(0, 8) + extension;
    }

    /**
     * The cached file under its suggested name, in an {@code opened} folder beside the cache's: a hard link
     * where the file system allows, else a copy. Blocking: not on the FX thread.
     */
    static Path named(Path cached, MediaItem item) {
        try {
            Path dir = cached.toAbsolutePath().getParent().resolveSibling("opened");
            Files.createDirectories(dir);
            Path target = dir.resolve(suggestedName(item));
            if (Files.exists(target) && Files.isSameFile(target, cached)) {
                return target;
            }
            Files.deleteIfExists(target);
            try {
                Files.createLink(target, cached);
            } catch (IOException | UnsupportedOperationException e) {
                Files.copy(cached, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
