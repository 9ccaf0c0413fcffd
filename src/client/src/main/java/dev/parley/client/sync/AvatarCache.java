package dev.parley.client.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pictures on disk in the account's cache, one file per SHA-256 hash: a hash names one picture forever, so a
 * cached file never goes stale. Used on the I/O thread only.
 */
final class AvatarCache {
    private static final Logger log = LoggerFactory.getLogger(AvatarCache.class);
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    private final Path dir;

    AvatarCache(Path cacheDir) {
        this.dir = cacheDir.resolve("avatars");
    }

    Optional<byte[]> get(String hash) {
        Path file = file(hash);
        if (file == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            log.warn("cannot read cached picture {}", file, e);
            return Optional.empty();
        }
    }

    void put(String hash, byte[] bytes) {
        Path file = file(hash);
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(dir);
            Path partial = Files.createTempFile(dir, hash, ".part");
            Files.write(partial, bytes);
            Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("cannot cache picture {}", file, e);
        }
    }

    /** Only a well-formed hash names a file, so a server cannot make the client write elsewhere. */
    private Path file(String hash) {
        return hash != null && HASH.matcher(hash).matches() ? dir.resolve(hash) : null;
    }
}
