package dev.parley.client.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.parley.client.testing.GpsPhotos;
import dev.parley.protocol.Limits;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AvatarPictureTest {
    @TempDir
    Path dir;

    @Test
    void aPhotoBecomesASmallSquareJpegWithoutItsGpsTags() throws Exception {
        Path photo = GpsPhotos.write(dir.resolve("holiday.jpg"), 1200, 800);
        assertThat(GpsPhotos.containsGps(Files.readAllBytes(photo))).isTrue();

        byte[] avatar = AvatarPicture.prepare(photo);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(avatar));

        assertThat(avatar.length).isLessThanOrEqualTo(Limits.MAX_AVATAR_BYTES);
        assertThat(decoded.getWidth()).isEqualTo(256);
        assertThat(decoded.getHeight()).isEqualTo(256);
        assertThat(GpsPhotos.containsGps(avatar)).isFalse();
        assertThat(new String(avatar, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Exif");
    }

    @Test
    void aNoisyPhotoStillFitsBecauseQualityDrops() throws Exception {
        BufferedImage noise = new BufferedImage(600, 600, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(3);
        for (int y = 0; y < 600; y++) {
            for (int x = 0; x < 600; x++) {
                noise.setRGB(x, y, random.nextInt(0xffffff));
            }
        }
        Path file = dir.resolve("noise.png");
        ImageIO.write(noise, "png", file.toFile());

        assertThat(AvatarPicture.prepare(file).length).isLessThanOrEqualTo(Limits.MAX_AVATAR_BYTES);
    }

    @Test
    void aFileOverTwoMegabytesIsRefusedBeforeDecoding() throws Exception {
        Path big = dir.resolve("big.jpg");
        Files.write(big, new byte[(int) Limits.MAX_AVATAR_FILE_BYTES + 1]);

        assertThat(catchThrowableOfType(AvatarPicture.Refused.class, () -> AvatarPicture.prepare(big)).problem())
                .isEqualTo(AvatarPicture.Problem.FILE_TOO_BIG);
    }

    @Test
    void somethingThatIsNotAPictureIsRefused() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.jpg"), "not a picture at all");

        assertThat(catchThrowableOfType(AvatarPicture.Refused.class, () -> AvatarPicture.prepare(text)).problem())
                .isEqualTo(AvatarPicture.Problem.NOT_AN_IMAGE);
    }
}
