package dev.parley.client.stickers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The stickers one account sent most recently (newest first, as "pack/id"), kept in its local data folder. */
public final class StickerMemory {
    public static final int MOST_RECENT = 16;
    private static final Logger log = LoggerFactory.getLogger(StickerMemory.class);
    private static final String FILE = "stickers.properties";
    private static final Executor WRITER = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "parley-sticker-memory");
        thread.setDaemon(true);
        return thread;
    });

    /** Completes once every change made so far is on disk (saves run in order on one thread). */
    public static java.util.concurrent.CompletableFuture<Void> saved() {
        return java.util.concurrent.CompletableFuture.runAsync(() -> { }, WRITER);
    }

    private final Path file;
    private final List<String> recent = new ArrayList<>();

    private StickerMemory(Path file) {
        this.file = file;
    }

    /** Reads what was remembered in {@code accountDir}; blocking, so call it off the FX thread. */
    public static StickerMemory load(Path accountDir) {
        StickerMemory memory = new StickerMemory(accountDir.resolve(FILE));
        if (Files.isRegularFile(memory.file)) {
            Properties saved = new Properties();
            try (InputStream in = Files.newInputStream(memory.file)) {
                saved.load(in);
                String recent = saved.getProperty("recent", "");
                if (!recent.isBlank()) {
                    memory.recent.addAll(Arrays.asList(recent.split(" ")));
                }
            } catch (IOException e) {
                log.warn("Ignoring unreadable sticker memory {}: {}", memory.file, e.toString());
            }
        }
        return memory;
    }

    /** Keys ("pack/id") of the stickers sent most recently, newest first. */
    public synchronized List<String> recent() {
        return List.copyOf(recent);
    }

    public static String key(String pack, String id) {
        return pack + "/" + id;
    }

    /** Puts a sticker at the front of the recent list and saves the list in the background. */
    public void used(String pack, String id) {
        Properties saved = new Properties();
        synchronized (this) {
            recent.remove(key(pack, id));
            recent.add(0, key(pack, id));
            while (recent.size() > MOST_RECENT) {
                recent.remove(recent.size() - 1);
            }
            saved.setProperty("recent", String.join(" ", recent));
        }
        WRITER.execute(() -> {
            try {
                Files.createDirectories(file.getParent());
                Path temp = file.resolveSibling(FILE + ".tmp");
                try (OutputStream out = Files.newOutputStream(temp)) {
                    saved.store(out, "Parley sticker picker");
                }
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                log.warn("Cannot save the sticker memory {}: {}", file, e.toString());
            }
        });
    }
}
