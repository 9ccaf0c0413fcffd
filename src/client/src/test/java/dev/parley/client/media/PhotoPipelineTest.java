package dev.parley.client.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import dev.parley.client.testing.GpsPhotos;
import dev.parley.client.testing.HeldTasks;
import dev.parley.client.testing.SamplePictures;
import dev.parley.protocol.Limits;
import dev.parley.protocol.MediaType;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhotoPipelineTest {
    @TempDir
    static Path shared;
    static Path bigPhoto;

    @TempDir
    Path dir;

    private final PhotoPipeline pipeline = new PhotoPipeline();

    @BeforeAll
    static void writeBigPhoto() throws IOException {
        bigPhoto = shared.resolve("camera.jpg");
        ImageIO.write(SamplePictures.gradient(4_000, 3_000), "jpeg", bigPhoto.toFile());
    }

    @Test
    void exifOrientationSixArrivesUprightWithoutGps() throws Exception {
        Path photo = GpsPhotos.write(dir.resolve("phone.jpg"), OrientedPictures.stored(120, 80, 6), 6);
        assertThat(metadataOf(Files.readAllBytes(photo)).containsDirectoryOfType(GpsDirectory.class)).isTrue();

        PreparedPhoto prepared = pipeline.prepare(photo, PhotoQuality.STANDARD);

        assertThat(prepared.type()).isEqualTo(MediaType.JPEG);
        assertThat(prepared.width()).isEqualTo(120);
        assertThat(prepared.height()).isEqualTo(80);
        OrientedPictures.assertUpright(decode(prepared.bytes()), 120, 80);
        for (byte[] output : new byte[][] {prepared.bytes(), prepared.thumbnail().bytes()}) {
            Metadata metadata = metadataOf(output);
            assertThat(metadata.containsDirectoryOfType(GpsDirectory.class)).isFalse();
            assertThat(metadata.containsDirectoryOfType(ExifIFD0Directory.class)).isFalse();
            assertThat(metadata.containsDirectoryOfType(ExifSubIFDDirectory.class)).isFalse();
            assertThat(metadata.containsDirectoryOfType(XmpDirectory.class)).isFalse();
            String text = new String(output, StandardCharsets.ISO_8859_1);
            assertThat(text).doesNotContain("Exif", GpsPhotos.GPS_MARKER, GpsPhotos.CAMERA_MAKE, "xmpmeta");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void everyExifOrientationArrivesUpright(int orientation) throws Exception {
        Path photo = GpsPhotos.write(dir.resolve("turned.jpg"), OrientedPictures.stored(96, 64, orientation),
                orientation);

        PreparedPhoto prepared = pipeline.prepare(photo, PhotoQuality.HD);

        OrientedPictures.assertUpright(decode(prepared.bytes()), 96, 64);
        OrientedPictures.assertUpright(decode(prepared.thumbnail().bytes()), 96, 64);
    }

    @Test
    void standardDownsizesACameraPhotoTo2048LongEdge() throws Exception {
        PreparedPhoto standard = pipeline.prepare(bigPhoto, PhotoQuality.STANDARD);

        assertThat(standard.width()).isEqualTo(2_048);
        assertThat(standard.height()).isEqualTo(1_536);
        BufferedImage decoded = decode(standard.bytes());
        assertThat(decoded.getWidth()).isEqualTo(2_048);
        assertThat(decoded.getHeight()).isEqualTo(1_536);
    }

    @Test
    void standardIsReadyBeforeHdIsPreparedAndHdKeepsEveryPixel() throws Exception {
        PhotoChoices choices = pipeline.choices(bigPhoto);

        assertThat(choices.standard().width()).isEqualTo(2_048);
        assertThat(choices.ready(PhotoQuality.HD)).as("HD not prepared until asked for").isNull();
        assertThat(choices.width(PhotoQuality.HD)).isEqualTo(4_000);
        assertThat(choices.height(PhotoQuality.HD)).isEqualTo(3_000);
        assertThat(choices.sameAtBothQualities()).isFalse();
        HeldTasks held = new HeldTasks();
        CompletableFuture<PreparedPhoto> asked = choices.hd(held);
        assertThat(choices.preparingHd()).isTrue();
        assertThat(choices.ready(PhotoQuality.HD)).isNull();

        held.runAll();

        PreparedPhoto hd = asked.join();
        assertThat(choices.ready(PhotoQuality.HD)).isSameAs(hd);
        assertThat(choices.hd(held)).as("prepared once").isSameAs(asked);
        assertThat(held.pending()).isZero();
        assertThat(hd.width()).isEqualTo(4_000);
        assertThat(hd.height()).isEqualTo(3_000);
        assertThat(decode(hd.bytes()).getWidth()).isEqualTo(4_000);
        assertThat(hd.thumbnail()).isSameAs(choices.standard().thumbnail());
        assertThat(choices.standard().size()).isLessThan(hd.size());
    }

    @Test
    void cancelledHdIsNeverPrepared() throws Exception {
        PhotoChoices choices = pipeline.choices(bigPhoto);
        HeldTasks held = new HeldTasks();
        CompletableFuture<PreparedPhoto> asked = choices.hd(held);

        choices.cancelHd();
        held.runAll();

        assertThat(asked).isCancelled();
        assertThat(choices.ready(PhotoQuality.HD)).isNull();
        assertThat(choices.preparingHd()).isFalse();
    }

    @Test
    void hdGivenUpBeforeItIsAskedForNeverStarts() throws Exception {
        PhotoChoices choices = pipeline.choices(bigPhoto);
        HeldTasks held = new HeldTasks();

        choices.cancelHd();

        assertThat(choices.hd(held)).isCompletedExceptionally();
        assertThat(held.pending()).isZero();
    }

    /**
     * Standard turns the 2,048 px image rather than the full one: the same size and the same way up as turning the
     * full picture first and downscaling it. 4,097 × 1,023 takes two downscale steps and odd roundings.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void turnedAfterDownscalingStandardMatchesTurningFirst(int orientation) throws Exception {
        int width = 4_097;
        int height = 1_023;
        Path photo = GpsPhotos.write(dir.resolve("wide.jpg"), OrientedPictures.stored(width, height, orientation),
                orientation);
        byte[] bytes = Files.readAllBytes(photo);
        BufferedImage turnedFirst = PhotoPipeline.fit(
                ExifOrientation.upright(ImageIO.read(photo.toFile()), ExifOrientation.read(bytes)),
                PhotoQuality.STANDARD.maxLongEdge());

        PhotoChoices choices = pipeline.choices(photo);

        PreparedPhoto standard = choices.standard();
        assertThat(standard.width()).isEqualTo(turnedFirst.getWidth()).isEqualTo(2_048);
        assertThat(standard.height()).isEqualTo(turnedFirst.getHeight());
        // Proportions were just compared with turning first; rounding keeps them from being exactly 4,097 : 1,023.
        OrientedPictures.assertUpright(decode(standard.bytes()), standard.width(), standard.height());
        PreparedPhoto.Thumbnail thumbnail = standard.thumbnail();
        OrientedPictures.assertUpright(decode(thumbnail.bytes()), thumbnail.width(), thumbnail.height());
        assertThat(choices.width(PhotoQuality.HD)).isEqualTo(width);
        assertThat(choices.height(PhotoQuality.HD)).isEqualTo(height);
    }

    @Test
    void thumbnailFitsIn320PixelsAndSaysItsSize() throws Exception {
        PreparedPhoto.Thumbnail thumbnail = pipeline.prepare(bigPhoto, PhotoQuality.HD).thumbnail();

        assertThat(thumbnail.width()).isEqualTo(PhotoPipeline.THUMBNAIL_EDGE);
        assertThat(thumbnail.height()).isEqualTo(240);
        BufferedImage decoded = decode(thumbnail.bytes());
        assertThat(decoded.getWidth()).isEqualTo(thumbnail.width());
        assertThat(decoded.getHeight()).isEqualTo(thumbnail.height());
    }

    @Test
    void aSmallPhotoIsNeverEnlargedAndBothChoicesAreTheSame() throws Exception {
        Path small = dir.resolve("small.jpg");
        ImageIO.write(SamplePictures.gradient(800, 600), "jpeg", small.toFile());

        PhotoChoices choices = pipeline.choices(small);

        assertThat(choices.standard().width()).isEqualTo(800);
        assertThat(choices.standard().height()).isEqualTo(600);
        assertThat(choices.sameAtBothQualities()).isTrue();
        assertThat(choices.ready(PhotoQuality.HD)).isSameAs(choices.standard());
    }

    @Test
    void pastedPngWithTransparencyStaysPngWithItsAlpha() throws Exception {
        BufferedImage sticker = new BufferedImage(200, 100, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 100; y++) {
            for (int x = 100; x < 200; x++) {
                sticker.setRGB(x, y, 0xffdd2020);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(sticker, "png", png);

        PreparedPhoto prepared = pipeline.prepare(png.toByteArray(), "clipboard", PhotoQuality.STANDARD);

        assertThat(prepared.type()).isEqualTo(MediaType.PNG);
        BufferedImage decoded = decode(prepared.bytes());
        assertThat(decoded.getColorModel().hasAlpha()).isTrue();
        assertThat(decoded.getRGB(20, 50) >>> 24).isZero();
        assertThat(decoded.getRGB(150, 50)).isEqualTo(0xffdd2020);
        assertThat(prepared.thumbnail().type()).isEqualTo(MediaType.PNG);
        assertThat(decode(prepared.thumbnail().bytes()).getRGB(20, 50) >>> 24).isZero();
        assertThat(prepared.sha256()).isEqualTo(
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(prepared.bytes())));
    }

    @Test
    void aPngNamedJpgIsReadAsThePngItIs() throws Exception {
        Path misnamed = dir.resolve("screenshot.jpg");
        ImageIO.write(SamplePictures.quadrants(64, 48), "png", misnamed.toFile());

        PreparedPhoto prepared = pipeline.prepare(misnamed, PhotoQuality.STANDARD);

        assertThat(prepared.width()).isEqualTo(64);
        assertThat(prepared.type()).isEqualTo(MediaType.JPEG);
    }

    @Test
    void webpFromABrowserBecomesAPictureTheServerTakes() throws Exception {
        // A 1 × 1 lossless WebP, the smallest there is; the server accepts no WebP, so it must be re-encoded.
        byte[] webp = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

        PreparedPhoto prepared = pipeline.prepare(webp, "pasted.png", PhotoQuality.STANDARD);

        assertThat(prepared.type()).isIn(MediaType.JPEG, MediaType.PNG);
        assertThat(decode(prepared.bytes()).getWidth()).isEqualTo(1);
    }

    @Test
    void textNamedJpgIsNotAnImage() throws Exception {
        Path text = Files.writeString(dir.resolve("holiday.jpg"), "this is not a picture");

        assertThat(reasonFor(text)).isEqualTo(PhotoRejected.Reason.NOT_AN_IMAGE);
    }

    @Test
    void thirtyThousandSquarePngIsRefusedFromItsHeaderAlone() throws Exception {
        Path bomb = SamplePictures.pngBomb(dir.resolve("bomb.png"), 30_000);
        assertThat(Files.size(bomb)).isLessThan(16 * 1024);

        PhotoRejected.Reason reason = assertTimeout(Duration.ofSeconds(2), () -> reasonFor(bomb));

        assertThat(reason).isEqualTo(PhotoRejected.Reason.TOO_MANY_PIXELS);
    }

    @Test
    void fileOver25MegabytesIsRefusedBeforeReading() throws Exception {
        Path huge = dir.resolve("huge.jpg");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.write(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});
            file.setLength(Limits.MAX_PHOTO_BYTES + 1); // sparse: nothing of it is held in memory
        }

        assertThat(reasonFor(huge)).isEqualTo(PhotoRejected.Reason.TOO_LARGE_FILE);
    }

    @Test
    void gifOver15MegabytesIsRefused() throws Exception {
        Path huge = dir.resolve("loop.gif");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.write("GIF89a".getBytes(StandardCharsets.US_ASCII));
            file.setLength(Limits.MAX_GIF_BYTES + 1);
        }

        assertThat(reasonFor(huge)).isEqualTo(PhotoRejected.Reason.TOO_LARGE_FILE);
    }

    @Test
    void gifIsSentByteForByteWithAStillThumbnail() throws Exception {
        Path gif = dir.resolve("wave.gif");
        ImageIO.write(SamplePictures.quadrants(400, 200), "gif", gif.toFile());
        byte[] original = Files.readAllBytes(gif);

        PhotoChoices choices = pipeline.choices(gif);

        assertThat(choices.ready(PhotoQuality.HD)).isSameAs(choices.standard());
        assertThat(choices.standard().bytes()).isEqualTo(original);
        assertThat(choices.standard().type()).isEqualTo(MediaType.GIF);
        assertThat(choices.standard().width()).isEqualTo(400);
        assertThat(choices.standard().thumbnail().width()).isEqualTo(320);
        assertThat(choices.standard().thumbnail().height()).isEqualTo(160);
    }

    @Test
    void gifWhoseCanvasIsOver40MegapixelsIsRefused() throws Exception {
        Path gif = dir.resolve("canvas.gif");
        ImageIO.write(SamplePictures.quadrants(40, 20), "gif", gif.toFile());
        byte[] bytes = Files.readAllBytes(gif);
        // A small first frame on a 30,000 × 30,000 logical screen (little-endian widths at bytes 6–9).
        bytes[6] = (byte) 0x30;
        bytes[7] = (byte) 0x75;
        bytes[8] = (byte) 0x30;
        bytes[9] = (byte) 0x75;
        Files.write(gif, bytes);

        assertThat(reasonFor(gif)).isEqualTo(PhotoRejected.Reason.TOO_MANY_PIXELS);
    }

    @Test
    void aBareGifSignatureIsUnreadable() throws Exception {
        Path stub = Files.writeString(dir.resolve("stub.gif"), "GIF89a");

        assertThat(reasonFor(stub)).isEqualTo(PhotoRejected.Reason.UNREADABLE);
    }

    private PhotoRejected.Reason reasonFor(Path file) {
        return catchThrowableOfType(PhotoRejected.class, () -> pipeline.prepare(file, PhotoQuality.STANDARD))
                .reason();
    }

    private static BufferedImage decode(byte[] bytes) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    private static Metadata metadataOf(byte[] bytes) throws Exception {
        return ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
    }
}
