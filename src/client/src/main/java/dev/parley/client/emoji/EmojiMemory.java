package dev.parley.client.emoji;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the picker remembers for one account: the emoji used most recently (newest first, by short name) and the
 * chosen skin tone. Kept in a small file in the account's local data, written in the background.
 */
public final class EmojiMemory {
    public static final int MOST_RECENT = 32;
    private static final Logger log = LoggerFactory.getLogger(EmojiMemory.class);
    private static final String FILE = "emoji.properties";

    /** One writer, so saves land in the order they were made. */
    private static final Executor WRITER = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "parley-emoji-memory");
        thread.setDaemon(true);
        return thread;
    });

    private final Path file;
    private final List<String> recent = new ArrayList<>();
    private SkinTone tone = SkinTone.NONE;

    private EmojiMemory(Path file) {
        this.file = file;
    }

    /** Reads what was remembered in {@code accountDir}; blocking, so call it off the FX thread. */
    public static EmojiMemory load(Path accountDir) {
        EmojiMemory memory = new EmojiMemory(accountDir.resolve(FILE));
        if (Files.isRegularFile(memory.file)) {
            Properties saved = new Properties();
            try (InputStream in = Files.newInputStream(memory.file)) {
                saved.load(in);
                String recent = saved.getProperty("recent", "");
                if (!recent.isBlank()) {
                    memory.recent.addAll(Arrays.asList(recent.split(" ")));
                }
                memory.tone = SkinTone.valueOf(saved.getProperty("tone", SkinTone.NONE.name()));
            } catch (IOException | IllegalArgumentException e) {
                // A damaged or foreign file only costs the recent list; the picker starts fresh.
                log.warn("Ignoring unreadable emoji memory {}: {}", memory.file, e.toString());
            }
        }
        return memory;
    }

    /** Reads what was remembered in {@code accountDir} on the memory's own background thread. */
    public static CompletableFuture<EmojiMemory> loadLater(Path accountDir) {
        return CompletableFuture.supplyAsync(() -> load(accountDir), WRITER);
    }

    /** Short names of the emoji used most recently, newest first. */
    public synchronized List<String> recent() {
        return List.copyOf(recent);
    }

    public synchronized SkinTone tone() {
        return tone;
    }

    /** Puts an emoji at the front of the recent list. */
    public void used(Emoji emoji) {
        synchronized (this) {
            recent.remove(emoji.shortName());
            recent.add(0, emoji.shortName());
            while (recent.size() > MOST_RECENT) {
                recent.remove(recent.size() - 1);
            }
        }
        save();
    }

    public void choose(SkinTone chosen) {
        synchronized (this) {
            tone = chosen;
        }
        save();
    }

    /** Completes once every change made so far is on disk (saves run in order on one thread). */
    public static CompletableFuture<Void> saved() {
        return CompletableFuture.runAsync(() -> { }, WRITER);
    }

    private void save() {
        Properties saved = new Properties();
        synchronized (this) {
            saved.setProperty("recent", String.join(" ", recent));
            saved.setProperty("tone", tone.name());
        }
        WRITER.execute(() -> {
            try {
                Files.createDirectories(file.getParent());
                Path temp = file.resolveSibling(FILE + ".tmp");
                try (OutputStream out = Files.newOutputStream(temp)) {
                    saved.store(out, "Parley emoji picker");
                }
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                log.warn("Cannot save the emoji memory {}: {}", file, e.toString());
            }
        });
    }
}
