package dev.parley.client.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The media cache on its own: only bytes that match their id are kept, and the cap evicts the least recently used. */
class MediaCacheTest {
    @TempDir
    Path cacheDir;

    @Test
    void downloadedBytesThatDoNotMatchTheirIdAreRefusedAndNothingIsKept() throws Exception {
        MediaCache cache = new MediaCache(cacheDir, MediaCache.DEFAULT_CAP_BYTES, Clock.systemUTC());
        String claimed = MediaCache.sha256("the photo that was asked for".getBytes(StandardCharsets.UTF_8));
        Path partial = cache.partial(claimed);
        Files.writeString(partial, "other bytes from a confused server");

        assertThatThrownBy(() -> cache.keep(claimed, partial)).isInstanceOf(MediaCache.MismatchException.class);

        assertThat(cache.get(claimed)).isEmpty();
        try (var files = Files.list(cacheDir.resolve("media"))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void beyondItsCapTheLeastRecentlyUsedFilesGo() throws Exception {
        MediaCache cache = new MediaCache(cacheDir, 250, Clock.systemUTC());
        String first = put(cache, 'a');
        String second = put(cache, 'b');
        cache.get(first);

        String third = put(cache, 'c');

        assertThat(cache.get(second)).as("least recently used").isEmpty();
        assertThat(cache.get(first)).isPresent();
        assertThat(cache.get(third)).isPresent();
        assertThat(cache.totalBytes()).isEqualTo(200);
    }

    @Test
    void aRestartedCacheKeepsItsFilesAndDropsLeftoverPartials() throws Exception {
        MediaCache cache = new MediaCache(cacheDir, 1_000, Clock.systemUTC());
        String kept = put(cache, 'a');
        cache.partial(kept);

        MediaCache reopened = new MediaCache(cacheDir, 1_000, Clock.systemUTC());

        assertThat(reopened.get(kept)).isPresent();
        try (var files = Files.list(cacheDir.resolve("media"))) {
            assertThat(files).hasSize(1);
        }
    }

    private static String put(MediaCache cache, char fill) throws Exception {
        byte[] bytes = new byte[100];
        Arrays.fill(bytes, (byte) fill);
        String id = MediaCache.sha256(bytes);
        cache.put(id, bytes);
        return id;
    }
}
