package dev.parley.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.Request;
import dev.parley.protocol.UploadChunk;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/** Media over the wire for tests: begin, chunks acknowledged one by one, commit, ranged download. */
public final class MediaWire {
    public static final int CHUNK = 64 * 1024;

    private MediaWire() {
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code media.begin} for this content; returns the whole reply frame (ok or error). */
    public static JsonNode begin(WireClient client, byte[] content, String mime) {
        return client.request(new Request.MediaBegin(sha256(content), (long) content.length, mime)).join();
    }

    /** Sends one chunk and returns the server's answer to it: an {@code evt.upload} or {@code evt.upload.error}. */
    public static JsonNode sendChunk(WireClient client, UUID uploadId, long offset, byte[] content, int from,
            int length) throws InterruptedException {
        ByteBuffer frame = UploadChunk.frame(uploadId, offset, content, from, length);
        byte[] bytes = new byte[frame.remaining()];
        frame.get(bytes);
        client.sendBinary(bytes);
        return client.awaitEvent(event -> event.get("type").asText().startsWith("evt.upload")
                && event.at("/body/uploadId").asText().equals(uploadId.toString()));
    }

    /** Sends the content from {@code offset} up to {@code end} in {@link #CHUNK}s, asserting each is taken. */
    public static void sendRange(WireClient client, UUID uploadId, byte[] content, long offset, long end)
            throws InterruptedException {
        for (long at = offset; at < end; at += CHUNK) {
            int length = (int) Math.min(CHUNK, end - at);
            JsonNode answer = sendChunk(client, uploadId, at, content, (int) at, length);
            assertThat(answer.get("type").asText()).as("answer to chunk at %d: %s", at, answer).isEqualTo("evt.upload");
            assertThat(answer.at("/body/offset").asLong()).isEqualTo(at + length);
        }
    }

    /** Uploads the whole content and returns the reply frame to {@code media.commit} (ok or error). */
    public static JsonNode upload(WireClient client, byte[] content, String mime) throws InterruptedException {
        JsonNode begun = begin(client, content, mime);
        assertThat(begun.get("type").asText()).as("media.begin: %s", begun).isEqualTo("ok");
        UUID uploadId = UUID.fromString(begun.at("/body/uploadId").asText());
        sendRange(client, uploadId, content, begun.at("/body/offset").asLong(), content.length);
        return client.request(new Request.MediaCommit(uploadId)).join();
    }

    /** Uploads content that must be accepted and returns its media id. */
    public static String uploaded(WireClient client, byte[] content, String mime) throws InterruptedException {
        JsonNode committed = upload(client, content, mime);
        assertThat(committed.get("type").asText()).as("media.commit: %s", committed).isEqualTo("ok");
        return committed.at("/body/mediaId").asText();
    }

    /** Downloads media in ranges of {@code rangeBytes}. */
    public static byte[] download(WireClient client, String mediaId, int rangeBytes) throws IOException {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        long total;
        do {
            JsonNode body = client.ok(new Request.MediaGet(mediaId, (long) content.size(), rangeBytes));
            assertThat(body.get("offset").asLong()).isEqualTo(content.size());
            content.write(body.get("data").binaryValue());
            total = body.get("total").asLong();
        } while (content.size() < total);
        return content.toByteArray();
    }

    /** Every file under the data directory's {@code media/} and {@code uploads/}. */
    public static List<Path> files(Path dataDir) {
        return Stream.of("media", "uploads").map(dataDir::resolve).filter(Files::isDirectory)
                .flatMap(MediaWire::walk).filter(Files::isRegularFile).toList();
    }

    private static Stream<Path> walk(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
