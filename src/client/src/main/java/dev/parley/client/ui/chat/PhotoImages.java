package dev.parley.client.ui.chat;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Function;
import javafx.scene.image.Image;

/**
 * Photos for the bubbles: the file from the session (media cache, else downloaded), decoded on a background
 * thread at bubble size, the most recently used kept so scrolling back does not decode again.
 */
final class PhotoImages {
    /** Twice the bubble's 320 px, so photos stay sharp on high-density screens. */
    static final double DECODE_EDGE = 640;
    private static final int KEEP_DECODED = 48;
    private static final Executor DECODER = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "parley-photo-decode");
        thread.setDaemon(true);
        return thread;
    });

    private final Function<String, CompletableFuture<Path>> files;
    private final Map<String, CompletableFuture<Image>> decoded = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<Image>> eldest) {
                    return size() > KEEP_DECODED;
                }
            });

    PhotoImages(Function<String, CompletableFuture<Path>> files) {
        this.files = files;
    }

    /** The photo at bubble size; completes off the FX thread. */
    CompletableFuture<Image> bubbleImage(String mediaId) {
        CompletableFuture<Image> image = decoded.computeIfAbsent(mediaId, id -> files.apply(id)
                .thenApplyAsync(path -> decode(path, DECODE_EDGE), DECODER));
        // A failure (offline, not found) is not kept: the next time the bubble shows, it tries again.
        image.whenComplete((done, failure) -> {
            if (failure != null) {
                decoded.remove(mediaId, image);
            }
        });
        return image;
    }

    /** The photo's file, for the viewer, Save as… and Copy. */
    CompletableFuture<Path> file(String mediaId) {
        return files.apply(mediaId);
    }

    /** The photo at full size, for the viewer; not kept, since a full-size photo is large. */
    CompletableFuture<Image> fullImage(Path file) {
        return CompletableFuture.supplyAsync(() -> decode(file, 0), DECODER);
    }

    private static Image decode(Path file, double edge) {
        Image image = new Image(file.toUri().toString(), edge, edge, true, true, false);
        if (image.isError()) {
            throw new IllegalStateException("cannot decode " + file.getFileName(), image.getException());
        }
        return image;
    }
}
