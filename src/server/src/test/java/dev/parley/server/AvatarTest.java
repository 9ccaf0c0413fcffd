package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.Request;
import dev.parley.server.testing.TestImages;
import dev.parley.server.testing.TestServers;
import dev.parley.server.testing.WireClient;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AvatarTest {
    @TempDir
    Path dataDir;
    ParleyServer server;
    WireClient maya;
    WireClient sam;

    @BeforeEach
    void start() {
        server = TestServers.start(dataDir);
        maya = WireClient.registered(server.uri(), "maya");
        sam = WireClient.registered(server.uri(), "sam");
    }

    @AfterEach
    void stop() {
        maya.close();
        sam.close();
        server.stop();
    }

    static Request.ProfileAvatar upload(byte[] image) {
        return new Request.ProfileAvatar(Base64.getEncoder().encodeToString(image));
    }

    byte[] pictureOfMaya(JsonNode reply) {
        return Base64.getDecoder().decode(reply.get("image").asText());
    }

    @Test
    void aJpegLosesItsGpsTagsAndIsNamedByTheHashOfWhatIsStored() throws Exception {
        byte[] jpeg = TestImages.jpegWithGps(TestImages.picture(200, 160, false));
        assertThat(TestImages.contains(jpeg, TestImages.GPS_MARKER)).isTrue();

        JsonNode profile = maya.ok(upload(jpeg));
        JsonNode picture = sam.ok(new Request.UserAvatar("maya"));
        byte[] stored = pictureOfMaya(picture);

        assertThat(TestImages.contains(stored, TestImages.GPS_MARKER)).isFalse();
        assertThat(TestImages.contains(stored, "Exif")).isFalse();
        assertThat(picture.get("mime").asText()).isEqualTo("image/jpeg");
        assertThat(picture.get("avatar").asText()).isEqualTo(profile.get("avatar").asText())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(stored)));
        assertThat(decode(stored).getWidth()).isEqualTo(200);
        assertThat(sam.ok(new Request.UserGet("maya")).get("avatar").asText()).isEqualTo(profile.get("avatar").asText());
    }

    @Test
    void aTransparentPngStaysPngWithoutItsTextChunk() throws Exception {
        byte[] png = TestImages.pngWithTextChunk(TestImages.picture(64, 64, true));
        assertThat(TestImages.contains(png, TestImages.PNG_TEXT_MARKER)).isTrue();

        maya.ok(upload(png));
        JsonNode picture = sam.ok(new Request.UserAvatar("maya"));
        byte[] stored = pictureOfMaya(picture);

        assertThat(picture.get("mime").asText()).isEqualTo("image/png");
        assertThat(TestImages.contains(stored, TestImages.PNG_TEXT_MARKER)).isFalse();
        assertThat(TestImages.contains(stored, "tEXt")).isFalse();
        assertThat(decode(stored).getColorModel().hasAlpha()).isTrue();
    }

    @Test
    void removingThePictureLeavesNothingToFetch() {
        maya.ok(upload(TestImages.encode(TestImages.picture(32, 32, false), "png")));

        JsonNode profile = maya.ok(new Request.ProfileAvatar(null));

        assertThat(profile.has("avatar")).isFalse();
        assertThat(sam.error(new Request.UserAvatar("maya")).get("code").asText()).isEqualTo("not_found");
    }

    @Test
    void oversizedForeignAndHugePicturesAreRefused() {
        // Blank, so the PNG is small: only its dimensions are wrong.
        byte[] big = TestImages.encode(new BufferedImage(600, 600, BufferedImage.TYPE_INT_RGB), "png");
        byte[] random = new byte[4_000];
        new Random(7).nextBytes(random);
        byte[] fakePng = TestImages.encode(TestImages.picture(32, 32, false), "png");
        java.util.Arrays.fill(fakePng, 40, fakePng.length, (byte) 7);
        byte[] tooMany = new byte[48_500];
        new Random(8).nextBytes(tooMany);

        assertThat(code(maya.error(upload(big)))).isEqualTo("bad_request");
        assertThat(maya.error(upload(random)).get("message").asText()).isEqualTo("not an image");
        assertThat(maya.error(upload(fakePng)).get("message").asText()).isEqualTo("not an image");
        assertThat(code(maya.rawRequest("profile.avatar", "{\"image\":\"@@not base64@@\"}")))
                .isEqualTo("bad_request");
        assertThat(code(maya.rawRequest("profile.avatar",
                "{\"image\":\"" + Base64.getEncoder().encodeToString(tooMany) + "\"}"))).isEqualTo("too_large");
        assertThat(code(sam.error(new Request.UserAvatar("maya")))).isEqualTo("not_found");
    }

    static String code(JsonNode reply) {
        return reply.get("code").asText();
    }

    static BufferedImage decode(byte[] bytes) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }
}
