package dev.parley.client.media;

import static dev.parley.client.media.PhotoRejected.Reason.NOT_AN_IMAGE;
import static dev.parley.client.media.PhotoRejected.Reason.TOO_MANY_PIXELS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.parley.client.testing.BombPictures;
import dev.parley.client.testing.SamplePictures;
import dev.parley.server.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Small files that claim huge pictures are refused from their headers or block structure, as a photo and as a
 * sticker, before a pixel is allocated; each is written to disk and read back the way a chosen file is.
 */
class PictureBombTest {
    @TempDir
    Path dir;

    static Stream<Arguments> bombs() throws Exception {
        return Stream.of(
                Arguments.of("100000 square.png", SamplePictures.pngBombBytes(100_000), TOO_MANY_PIXELS),
                // Stickers are PNG, GIF or WebP: a JPEG is refused for what it is before its size is read.
                Arguments.of("65000 square.jpg", TestImages.jpegClaiming(65_000, 65_000), NOT_AN_IMAGE),
                Arguments.of("3000 frames.gif", TestImages.gifOfTinyFrames(2_000, 2_000, 3_000), TOO_MANY_PIXELS),
                Arguments.of("4000 frames.gif", TestImages.gifOfTinyFrames(512, 512, 4_000), TOO_MANY_PIXELS),
                Arguments.of("65000 canvas.gif", TestImages.gifOfTinyFrames(65_000, 65_000, 1), TOO_MANY_PIXELS),
                Arguments.of("16384 square.webp", BombPictures.webpClaimingTheMaximum(), TOO_MANY_PIXELS),
                Arguments.of("huge canvas.webp", BombPictures.webpWithAHugeCanvas(), TOO_MANY_PIXELS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bombs")
    void aSmallFileClaimingAHugePictureIsRefusedAsAPhoto(String name, byte[] bomb, PhotoRejected.Reason unused)
            throws Exception {
        assertThat(bomb.length).as("a small file").isLessThan(100_000);
        Path file = Files.write(dir.resolve(name), bomb);

        PhotoRejected refused = catchThrowableOfType(PhotoRejected.class,
                () -> new PhotoPipeline().prepare(file, PhotoQuality.STANDARD));

        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.reason()).as("%s", refused.getMessage()).isEqualTo(TOO_MANY_PIXELS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bombs")
    void aSmallFileClaimingAHugePictureIsRefusedAsASticker(String name, byte[] bomb, PhotoRejected.Reason reason) {
        PhotoRejected refused = catchThrowableOfType(PhotoRejected.class, () -> StickerPicture.prepare(bomb, name));

        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.reason()).as("%s", refused.getMessage()).isEqualTo(reason);
    }

    @Test
    void aGifOfAFewTinyFramesOnASmallCanvasIsStillSent() throws Exception {
        byte[] gif = TestImages.gifOfTinyFrames(200, 200, 50);

        PreparedPhoto photo = new PhotoPipeline().prepare(gif, "fifty.gif", PhotoQuality.STANDARD);

        assertThat(photo.bytes()).isEqualTo(gif);
        assertThat(photo.width()).isEqualTo(200);
    }
}
