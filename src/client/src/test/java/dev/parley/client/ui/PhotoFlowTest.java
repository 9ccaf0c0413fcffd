package dev.parley.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.store.StoredMessage;
import dev.parley.client.sync.PreparedMedia;
import dev.parley.client.testing.AliceAndBobTest;
import dev.parley.client.testing.GpsPhotos;
import dev.parley.client.ui.attach.PhotoDrop;
import dev.parley.client.ui.common.Formats;
import dev.parley.protocol.MediaItem;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Photos from the attach button, a drop and another person, as the person at the screen sees them. */
class PhotoFlowTest extends AliceAndBobTest {
    private static final Path SHOTS = Path.of("target", "screenshots");

    @Test
    void attachedPhotoArrivesWithoutItsLocation() throws Exception {
        aliceChatsWithBob("Any pictures from the trip?");
        Path photo = GpsPhotos.write(tempDir.resolve("beach.jpg"), 3000, 2000);
        assertThat(new String(Files.readAllBytes(photo), StandardCharsets.ISO_8859_1)).contains(GpsPhotos.GPS_MARKER);
        photosToChoose = List.of(photo);

        clickOn(".attach-button");
        waitUntil(() -> lookup(".attach-thumb").tryQuery().isPresent()
                && !lookup(".attach-quality-choice").queryAll().isEmpty());
        Formats formats = Formats.system();
        List<String> choices = onFx(() -> lookup(".attach-quality-choice").queryAll().stream()
                .map(node -> ((Labeled) node).getText()).toList());
        assertThat(choices.get(0)).startsWith("Standard").contains(formats.number(2048) + " × " + formats.number(1365));
        assertThat(choices.get(1)).startsWith("HD").contains(formats.number(3000) + " × " + formats.number(2000));
        assertThat(onFx(() -> lookup(".attach-note").match(node -> node.isVisible()
                && "Location and camera details are removed".equals(((Labeled) node).getText())).tryQuery().isPresent()))
                .isTrue();
        assertThat(showing(".attach-same-size")).as("two different sizes to choose from").isFalse();
        snapshot(SHOTS.resolve("photo-tray.png"));

        // The choice is remembered per account, so pick Standard rather than rely on what an earlier run left.
        clickOn(lookup(".attach-quality-choice").nth(0).queryAs(Node.class));
        clickOn(".attach-caption").write("The beach at noon");
        clickOn(".attach-tray .accent");

        waitUntil(() -> !showing(".attach-tray"));
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> bobSees.stream().anyMatch(m -> !m.media().isEmpty()));
        StoredMessage received = bobSees.stream().filter(m -> !m.media().isEmpty()).findFirst().orElseThrow();
        assertThat(received.text()).isEqualTo("The beach at noon");
        assertThat(received.media()).hasSize(1);
        MediaItem item = received.media().get(0);
        assertThat(item.width()).isEqualTo(2048);
        byte[] bytes = Files.readAllBytes(bobSession.media(item.mediaId()).get(30, TimeUnit.SECONDS));
        String raw = new String(bytes, StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain(GpsPhotos.GPS_MARKER).doesNotContain(GpsPhotos.CAMERA_MAKE);
        waitUntil(() -> lookup(".bubble-photo.loaded").tryQuery().isPresent());
        snapshot(SHOTS.resolve("photo-bubble-sent.png"));
    }

    @Test
    void droppingANonPictureSaysWhyAndKeepsThePhotos() throws Exception {
        aliceChatsWithBob("Any pictures from the trip?");
        Path photo = GpsPhotos.write(tempDir.resolve("dog.jpg"), 800, 600);
        Path notes = Files.writeString(tempDir.resolve("notes.jpg"), "just some text, named like a photo");

        // A headless toolkit cannot produce a drag from the operating system, so the test hands the files to the
        // same method the pane's DRAG_DROPPED handler calls.
        PhotoDrop drop = onFx(() -> (PhotoDrop) lookup(".chat-pane").query().getProperties().get(PhotoDrop.class));
        interact(() -> drop.dropFiles(List.of(photo, notes)));

        waitUntil(() -> lookup(".attach-thumb").queryAll().size() == 1 && lookup(".attach-refusal").tryQuery().isPresent());
        assertThat(textOf(".attach-refusal")).isEqualTo("notes.jpg: this isn't a photo or video Parley can send.");
        snapshot(SHOTS.resolve("photo-tray-refusal.png"));

        clickOn("#cancelButton");
        waitUntil(() -> !showing(".attach-tray"));
    }

    @Test
    void pastingAPictureIntoTheComposerAttachesIt() throws Exception {
        aliceChatsWithBob("Any pictures from the trip?");
        javafx.scene.image.Image picture = new javafx.scene.image.Image(
                new java.io.ByteArrayInputStream(png(400, 300)));
        interact(() -> {
            javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
            content.putImage(picture);
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        });

        clickOn(".composer-field").press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);

        waitUntil(() -> lookup(".attach-thumb").tryQuery().isPresent());
        assertThat(textOf(".attach-same-size")).contains("400 × 300");
        assertThat(onFx(() -> lookup(".composer-field").queryTextInputControl().getText())).isEmpty();
    }

    @Test
    void receivedPhotoLoadsAndOpensInTheViewer() throws Exception {
        aliceChatsWithBob("Any pictures from the trip?");
        PreparedMedia earlier = PreparedMedia.of(png(300, 400), "image/png", 300, 400);
        bobSession.sendPhotos(conversation, List.of(earlier), "").sent().get(30, TimeUnit.SECONDS);
        waitUntil(() -> "Photo".equals(screen.preview("Bob Marsh")));
        PreparedMedia photo = PreparedMedia.of(png(640, 480), "image/png", 640, 480);
        bobSession.sendPhotos(conversation, List.of(photo), "Look at this sky").sent().get(30, TimeUnit.SECONDS);

        waitUntil(() -> lookup(".bubble-photo.loaded").queryAll().size() == 2 && screen.showsBubble("Look at this sky"));
        snapshot(SHOTS.resolve("photo-bubble-received.png"));
        assertThat(onFx(() -> lookup(".message-cell").queryAll().stream().map(Node::getAccessibleText).toList()))
                .anySatisfy(spoken -> assertThat(spoken).endsWith("A photo. Look at this sky"));

        Node newest = onFx(() -> lookup(".bubble-photo.loaded").queryAll().stream()
                .max(java.util.Comparator.comparingDouble(node -> node.localToScene(0, 0).getY())).orElseThrow());
        clickOn(newest);
        waitUntil(() -> viewerImageWidth() == 640);
        snapshot(viewer().getScene(), SHOTS.resolve("photo-viewer.png"));
        clickOn(lookup(".photo-viewer-bar .button").match(node -> "Save as…".equals(((Labeled) node).getText()))
                .queryButton());
        Path saved = tempDir.resolve("photo-" + photo.sha256().substring(0, 8) + ".png");
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> Files.exists(saved)
                && java.util.Arrays.equals(Files.readAllBytes(saved), photo.bytes()));
        clickOn(viewer().lookup(".photo-viewer-canvas")).type(KeyCode.LEFT);
        waitUntil(() -> viewerImageWidth() == 300);
        type(KeyCode.ESCAPE);
        waitUntil(() -> viewer() == null);
    }

    @Test
    void aPhotoWaitingToUploadCanBeCancelledFromItsBubble() throws Exception {
        aliceChatsWithBob("Any pictures from the trip?");
        Path photo = GpsPhotos.write(tempDir.resolve("sunset.jpg"), 1200, 800);
        PhotoDrop drop = onFx(() -> (PhotoDrop) lookup(".chat-pane").query().getProperties().get(PhotoDrop.class));
        interact(() -> drop.dropFiles(List.of(photo)));
        waitUntil(() -> lookup(".attach-thumb").tryQuery().isPresent());
        // Offline, the photo stays in the outbox, so its bubble keeps showing the upload and its cancel button.
        server.stop();
        waitUntil(() -> showing(".connection-banner"));

        clickOn(".attach-tray .accent");

        waitUntil(() -> lookup(".bubble-photo-cancel").tryQuery().isPresent()
                && lookup(".bubble-photo.loaded").tryQuery().isPresent());
        snapshot(SHOTS.resolve("photo-bubble-uploading.png"));
        clickOn(".bubble-photo-cancel");
        waitUntil(() -> lookup(".bubble-photo").tryQuery().isEmpty());
    }

    private double viewerImageWidth() {
        Node viewer = viewer();
        var image = viewer == null ? null : ((ImageView) viewer.lookup(".photo-viewer-canvas .image-view")).getImage();
        return image == null ? 0 : image.getWidth();
    }


    /** A picture with some shape to it, so the snapshots show something. */
    private static byte[] png(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int sky = 255 - y * 160 / height;
                image.setRGB(x, y, y > height * 2 / 3 ? 0x3a6b35 + (x % 40) : (90 << 16) | (140 << 8) | sky);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
