package dev.parley.client.settings;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small settings file on disk, read and written on one {@code parley-settings} thread (never the FX thread) and
 * replaced atomically, so a crash leaves the old file or the new one, never half of one.
 */
public final class PropertiesFile {
    private static final Logger log = LoggerFactory.getLogger(PropertiesFile.class);
    /** Every settings file goes through this one thread, so writes land in the order they were asked for. */
    public static final Executor DISK = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "parley-settings");
        thread.setDaemon(true);
        return thread;
    });

    private final Path file;
    private final String comment;

    public PropertiesFile(Path file, String comment) {
        this.file = file;
        this.comment = comment;
    }

    public Path path() {
        return file;
    }

    /** Reads the file on the settings thread; empty when it is absent or unreadable. */
    public CompletableFuture<Properties> read() {
        return CompletableFuture.supplyAsync(this::readNow, DISK);
    }

    /** Reads the file on the calling thread (start-up, before any window); empty when absent or unreadable. */
    public Properties readNow() {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            } catch (IOException | IllegalArgumentException e) {
                log.warn("cannot read {}; its settings start from the defaults", file, e);
            }
        }
        return properties;
    }

    /** Writes a snapshot on the settings thread, replacing the file atomically. */
    public void write(Properties snapshot) {
        DISK.execute(() -> {
            try {
                Files.createDirectories(file.getParent());
                Path partial = file.resolveSibling(file.getFileName() + ".tmp");
                try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                    snapshot.store(out, comment);
                }
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                log.warn("cannot save settings to {}", file, e);
            }
        });
    }

    /** Completes once every write asked for so far is on disk. */
    public static CompletableFuture<Void> flushed() {
        return CompletableFuture.runAsync(() -> { }, DISK);
    }

    /** Only an explicit "false" (or "true") counts: a damaged value keeps the default. */
    public static boolean bool(Properties properties, String key, boolean fallback) {
        String value = properties.getProperty(key, "").strip();
        return value.equalsIgnoreCase("false") ? false : value.equalsIgnoreCase("true") || fallback;
    }

    public static <E extends Enum<E>> E choice(Properties properties, String key, Class<E> type, E fallback) {
        try {
            return Enum.valueOf(type, properties.getProperty(key, fallback.name()).strip());
        } catch (IllegalArgumentException unknown) {
            return fallback;
        }
    }

    public static long number(Properties properties, String key, long fallback) {
        try {
            return Long.parseLong(properties.getProperty(key, Long.toString(fallback)).strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
