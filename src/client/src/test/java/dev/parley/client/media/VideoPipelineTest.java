package dev.parley.client.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.client.testing.TestVideos;
import dev.parley.protocol.Limits;
import dev.parley.protocol.MediaType;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoPipelineTest {
    @TempDir
    Path dir;
    private final VideoPipeline pipeline = new VideoPipeline();

    @Test
    void anMp4IsSentAsItIsWithItsFirstFrameAsPoster() throws Exception {
        Path file = TestVideos.mp4(dir.resolve("clip.mp4"), 640, 360, 6, Color.RED);

        PreparedVideo video = pipeline.prepare(file);

        assertThat(video.type()).isEqualTo(MediaType.MP4);
        assertThat(video.size()).isEqualTo(Files.size(file));
        assertThat(video.sha256()).isEqualTo(Sha256.of(video.file()));
        assertThat(video.poster()).isNotNull();
        assertThat(video.poster().type()).isEqualTo(MediaType.JPEG);
        assertThat(video.poster().width()).isEqualTo(PhotoPipeline.THUMBNAIL_EDGE);
        assertThat(video.poster().height()).isEqualTo(180);
        BufferedImage poster = ImageIO.read(new ByteArrayInputStream(video.poster().bytes()));
        Color corner = new Color(poster.getRGB(4, 4));
        assertThat(corner.getRed()).as("the first frame is red").isGreaterThan(200);
        assertThat(corner.getGreen()).isLessThan(60);
    }

    @Test
    void anMp4LosesItsLocationAndCameraButKeepsEveryFrame() throws Exception {
        Path file = TestVideos.withLocationAndCamera(TestVideos.mp4(dir.resolve("beach.mp4"), 320, 240, 8,
                Color.GREEN), "+37.7749-122.4194/", "Pixel 9 Pro");
        String original = Files.readString(file, StandardCharsets.ISO_8859_1);
        assertThat(original).contains("+37.7749-122.4194/").contains("Pixel 9 Pro");

        PreparedVideo video = pipeline.prepare(file);

        assertThat(video.stripped()).isTrue();
        assertThat(video.file()).isNotEqualTo(file);
        String sent = Files.readString(video.file(), StandardCharsets.ISO_8859_1);
        assertThat(sent).doesNotContain("+37.7749").doesNotContain("Pixel 9 Pro").doesNotContain("udta");
        assertThat(video.size()).as("nothing moved, so every sample offset holds").isEqualTo(Files.size(file));
        assertThat(video.sha256()).isEqualTo(Sha256.of(video.file()));
        assertThat(video.poster()).as("still decodes").isNotNull();
        assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).as("the person's own file is untouched")
                .isEqualTo(original);
        assertThat(org.jcodec.api.FrameGrab.getFrameFromFile(video.file().toFile(), 7)).as("the last frame decodes")
                .isNotNull();
    }

    @Test
    void aWebmIsRecognisedByItsBytesAndGoesWithoutAPosterFrame() throws Exception {
        Path file = TestVideos.webm(dir.resolve("clip.dat"));

        PreparedVideo video = pipeline.prepare(file);

        assertThat(VideoPipeline.sniff(file)).contains(MediaType.WEBM);
        assertThat(video.type()).isEqualTo(MediaType.WEBM);
        assertThat(video.file()).as("a WebM goes as it is").isEqualTo(file);
        assertThat(video.stripped()).isFalse();
        assertThat(video.size()).isEqualTo(Files.size(file));
    }

    @Test
    void aVideoOverTwoHundredMegabytesIsRefusedBeforeItIsRead() throws Exception {
        Path file = TestVideos.mp4(dir.resolve("long.mp4"), 64, 48, 2, Color.BLUE);
        try (RandomAccessFile grown = new RandomAccessFile(file.toFile(), "rw")) {
            grown.setLength(Limits.MAX_VIDEO_BYTES + 1);
        }

        assertThatThrownBy(() -> pipeline.prepare(file)).isInstanceOfSatisfying(PhotoRejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo(PhotoRejected.Reason.VIDEO_TOO_LARGE));
    }

    @Test
    void aFileNamedMp4ThatIsNotAVideoIsNotTakenForOne() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.mp4"), "just some text, not a video");

        assertThat(VideoPipeline.sniff(file)).isEmpty();
        assertThatThrownBy(() -> pipeline.prepare(file)).isInstanceOfSatisfying(PhotoRejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo(PhotoRejected.Reason.NOT_AN_IMAGE));
    }
}
