package dev.parley.server.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Limits;
import dev.parley.protocol.MediaType;
import dev.parley.protocol.ProtocolException;
import dev.parley.server.profile.AvatarImages;
import dev.parley.server.store.ProfileStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the server's image checks with any bytes, seeded with small real JPEG, PNG and GIF files and
 * decompression bombs: an upload at {@code media.commit} and a profile or group picture. Each is accepted within
 * the pixel limits or refused with a typed error; no other exception, no decoding of a bomb.
 */
class ImageFuzzTest {
    private static final MediaType[] IMAGE_TYPES = {MediaType.JPEG, MediaType.PNG, MediaType.GIF};

    @TempDir
    static Path dir;
    private static Path upload;

    @BeforeAll
    static void createUploadFile() {
        upload = dir.resolve("upload");
    }

    /** The first byte picks the declared type (JPEG, PNG, GIF); the rest is the uploaded file. */
    @FuzzTest(maxDuration = "75m", maxExecutions = 1_000_000)
    void anyUploadIsAcceptedOrRefusedWithATypedError(byte[] input) throws IOException {
        if (input.length == 0) {
            return;
        }
        MediaType declared = IMAGE_TYPES[Byte.toUnsignedInt(input[0]) % IMAGE_TYPES.length];
        Files.write(upload, Arrays.copyOfRange(input, 1, input.length));
        try {
            ContentCheck.Dimensions dimensions = ContentCheck.check(upload, declared);
            assertThat(dimensions.width()).isPositive();
            assertThat(dimensions.height()).isPositive();
            assertThat((long) dimensions.width() * dimensions.height()).isLessThanOrEqualTo(Limits.MAX_PHOTO_PIXELS);
        } catch (ProtocolException e) {
            assertThat(e.code()).isIn(Set.of(ErrorCode.BAD_REQUEST, ErrorCode.TOO_LARGE));
        }
    }

    @FuzzTest(maxDuration = "75m", maxExecutions = 1_000_000)
    void anyAvatarIsReencodedOrRefusedWithATypedError(byte[] input) {
        try {
            ProfileStore.Picture picture = AvatarImages.reencode(input);
            assertThat(picture.mime()).isIn("image/png", "image/jpeg");
            assertThat(picture.bytes()).isNotEmpty();
        } catch (ProtocolException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
        }
    }
}
