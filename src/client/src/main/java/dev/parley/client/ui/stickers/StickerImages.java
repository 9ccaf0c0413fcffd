package dev.parley.client.ui.stickers;

import dev.parley.client.stickers.StickerLibrary;
import dev.parley.protocol.Sticker;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import javafx.scene.image.Image;

/**
 * Sticker pictures for the picker and the chat, decoded on a background thread at the size they are drawn and kept
 * in a small shared cache. A built-in sticker comes from the library; an imported one from the library when this
 * account has its pack, else from the media store by its media id. A sticker that cannot be had completes empty.
 */
public final class StickerImages {
    private static final int KEEP = 160;
    private static final ExecutorService DECODE = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "parley-sticker-decode");
        thread.setDaemon(true);
        return thread;
    });
    private static final Map<String, CompletableFuture<Optional<Image>>> CACHE =
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<Optional<Image>>> eldest) {
                    return size() > KEEP;
                }
            };

    private StickerImages() {
    }

    /** The picture of {@code sticker} at {@code size} px (square, aspect kept), or empty when it is not to be had. */
    public static CompletableFuture<Optional<Image>> image(CompletableFuture<StickerLibrary> library, Sticker sticker,
            double size, Function<String, CompletableFuture<Path>> media) {
        String key = sticker.pack() + "/" + sticker.id() + "/" + sticker.mediaId() + "@" + size;
        synchronized (CACHE) {
            CompletableFuture<Optional<Image>> known = CACHE.get(key);
            if (known != null) {
                return known;
            }
            CompletableFuture<Optional<Image>> loading = library
                    .thenApplyAsync(loaded -> loaded.image(sticker.pack(), sticker.id()), DECODE)
                    .thenCompose(local -> local.isPresent() || sticker.mediaId() == null
                            ? CompletableFuture.completedFuture(local)
                            : media.apply(sticker.mediaId()).thenApplyAsync(StickerImages::read, DECODE))
                    .thenApplyAsync(bytes -> bytes.map(found -> decode(found, size)).filter(img -> !img.isError()),
                            DECODE)
                    .exceptionally(failure -> Optional.empty());
            CACHE.put(key, loading);
            loading.thenAccept(result -> {
                if (result.isEmpty()) {
                    // Not cached as missing: the pack may be imported or the download may work later.
                    synchronized (CACHE) {
                        CACHE.remove(key, loading);
                    }
                }
            });
            return loading;
        }
    }

    private static Optional<byte[]> read(Path file) {
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    private static Image decode(byte[] bytes, double size) {
        return new Image(new ByteArrayInputStream(bytes), size * 2, size * 2, true, true);
    }
}
