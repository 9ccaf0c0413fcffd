package dev.parley.client.sync;

import dev.parley.client.media.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Photos, GIFs and videos on disk in the account's cache, one file per media id (the SHA-256 of its bytes), at
 * most {@code capBytes} in all: beyond that the least recently used files go. A file is kept only after its
 * bytes are checked against its id, so a media id names the right bytes forever. Used on the I/O thread only.
 */
final class MediaCache {
    /** Default size cap. */
    static final long DEFAULT_CAP_BYTES = 500L * 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(MediaCache.class);
    private static final Pattern MEDIA_ID = Pattern.compile("[0-9a-f]{64}");

    /** The bytes did not hash to the media id they came for; nothing was kept. */
    static final class MismatchException extends IOException {
        MismatchException(String mediaId, String actual) {
            super("media " + mediaId + " arrived with other bytes (sha256 " + actual + ")");
        }
    }

    private final Path dir;
    private final Clock clock;
    private long capBytes;
    /** Media id → size, least recently used first; last access also goes to the file's time for the next start. */
    private final LinkedHashMap<String, Long> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long totalBytes;

    MediaCache(Path cacheDir, long capBytes, Clock clock) {
        this.dir = cacheDir.resolve("media");
        this.capBytes = capBytes;
        this.clock = clock;
        load();
    }

    /** The file of a cached item, marked as just used; empty if it is not here. */
    Optional<Path> get(String mediaId) {
        Path file = file(mediaId);
        if (!entries.containsKey(mediaId) || !Files.isRegularFile(file)) {
            forget(mediaId);
            return Optional.empty();
        }
        entries.get(mediaId);
        touch(file);
        return Optional.of(file);
    }

    /** A file in the cache's folder to write a download into; hand it to {@link #keep}. */
    Path partial(String mediaId) throws IOException {
        Files.createDirectories(dir);
        return Files.createTempFile(dir, checked(mediaId), ".part");
    }

    /** Keeps bytes that are already in memory (e.g. the user's own photo), checked like a download. */
    Path put(String mediaId, byte[] bytes) throws IOException {
        Path partial = partial(mediaId);
        Files.write(partial, bytes);
        return keep(mediaId, partial);
    }

    /**
     * Moves a finished download into the cache if its SHA-256 is {@code mediaId}; otherwise deletes it and
     * throws {@link MismatchException}. Evicts least recently used files beyond the cap.
     */
    Path keep(String mediaId, Path partial) throws IOException {
        String actual;
        try {
            actual = sha256(partial);
            if (!actual.equals(checked(mediaId))) {
                throw new MismatchException(mediaId, actual);
            }
            Path file = file(mediaId);
            Files.createDirectories(dir);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            touch(file);
            forget(mediaId);
            long size = Files.size(file);
            entries.put(mediaId, size);
            totalBytes += size;
            evictBeyondCap(mediaId);
            return file;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    void setCap(long bytes) {
        capBytes = bytes;
        evictBeyondCap(null);
    }

    long totalBytes() {
        return totalBytes;
    }

    /**
     * Deletes every cached file but those in {@code keep} (media of messages still in the outbox, which their
     * bubbles show until the server has them), and the links made for opening files outside the app.
     */
    void clear(java.util.Set<String> keep) {
        Iterator<Map.Entry<String, Long>> all = entries.entrySet().iterator();
        while (all.hasNext()) {
            Map.Entry<String, Long> entry = all.next();
            if (keep.contains(entry.getKey())) {
                continue;
            }
            try {
                Files.deleteIfExists(file(entry.getKey()));
                totalBytes -= entry.getValue();
                all.remove();
            } catch (IOException e) {
                log.warn("cannot delete media {} from the cache", entry.getKey(), e);
            }
        }
        Path opened = dir.resolveSibling("opened");
        if (Files.isDirectory(opened)) {
            try (Stream<Path> links = Files.list(opened)) {
                for (Path link : links.toList()) {
                    Files.deleteIfExists(link);
                }
            } catch (IOException e) {
                log.warn("cannot empty {}", opened, e);
            }
        }
    }

    static String sha256(Path file) throws IOException {
        return Sha256.of(file);
    }

    static String sha256(byte[] bytes) {
        return Sha256.of(bytes);
    }

    private void evictBeyondCap(String keepId) {
        Iterator<Map.Entry<String, Long>> eldest = entries.entrySet().iterator();
        while (totalBytes > capBytes && eldest.hasNext()) {
            Map.Entry<String, Long> entry = eldest.next();
            if (entry.getKey().equals(keepId)) {
                continue;
            }
            try {
                Files.deleteIfExists(file(entry.getKey()));
                totalBytes -= entry.getValue();
                eldest.remove();
                log.debug("evicted media {} from the cache", entry.getKey());
            } catch (IOException e) {
                log.warn("cannot evict media {} from the cache", entry.getKey(), e);
            }
        }
    }

    private void forget(String mediaId) {
        Long size = entries.remove(mediaId);
        if (size != null) {
            totalBytes -= size;
        }
    }

    /** Rebuilds the LRU order from the files' times; leftovers of interrupted downloads go. */
    private void load() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted(Comparator.comparing(MediaCache::modified)).toList()) {
                String name = file.getFileName().toString();
                if (MEDIA_ID.matcher(name).matches()) {
                    long size = Files.size(file);
                    entries.put(name, size);
                    totalBytes += size;
                } else {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the media cache in " + dir, e);
        }
        evictBeyondCap(null);
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private void touch(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.from(clock.instant()));
        } catch (IOException e) {
            log.debug("cannot mark {} as used: {}", file, e.toString());
        }
    }

    /** Only a well-formed id names a file, so a server cannot make the client write elsewhere. */
    private static String checked(String mediaId) {
        if (mediaId == null || !MEDIA_ID.matcher(mediaId).matches()) {
            throw new IllegalArgumentException("not a media id: " + mediaId);
        }
        return mediaId;
    }

    private Path file(String mediaId) {
        return dir.resolve(checked(mediaId));
    }
}
