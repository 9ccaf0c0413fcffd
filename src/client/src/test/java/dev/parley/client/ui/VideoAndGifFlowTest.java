package dev.parley.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.media.PreparedVideo;
import dev.parley.client.media.VideoPipeline;
import dev.parley.client.store.StoredMessage;
import dev.parley.client.sync.PreparedMedia;
import dev.parley.client.testing.AnimatedGifs;
import dev.parley.client.testing.AliceAndBobTest;
import dev.parley.client.testing.TestVideos;
import dev.parley.client.ui.attach.PhotoDrop;
import java.awt.Color;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import org.junit.jupiter.api.Test;

/** Videos and GIFs in the chat, as the person at the screen sees them. */
class VideoAndGifFlowTest extends AliceAndBobTest {
    private static final Path SHOTS = Path.of("target", "screenshots");

    @Test
    void aDroppedVideoIsSentAsItIsAndShowsItsPosterFrame() throws Exception {
        aliceChatsWithBob("Did you film it?");
        Path clip = TestVideos.mp4(tempDir.resolve("skate.mp4"), 640, 360, 20, new Color(200, 40, 40));
        PhotoDrop drop = onFx(() -> (PhotoDrop) lookup(".chat-pane").query().getProperties().get(PhotoDrop.class));

        interact(() -> drop.dropFiles(List.of(clip)));

        waitUntil(() -> lookup(".attach-thumb-video").tryQuery().isPresent());
        assertThat(textOf(".attach-same-size")).contains("as it is");
        assertThat(showing(".attach-quality")).as("no quality to choose for a video").isFalse();
        snapshot(SHOTS.resolve("video-tray.png"));
        clickOn(".attach-tray .accent");

        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> bobSees.stream().anyMatch(m -> !m.media().isEmpty()));
        StoredMessage received = bobSees.stream().filter(m -> !m.media().isEmpty()).findFirst().orElseThrow();
        assertThat(received.media()).singleElement().satisfies(item -> {
            assertThat(item.mime()).isEqualTo("video/mp4");
            assertThat(item.thumbnail()).isNotNull();
        });
        Path downloaded = bobSession.media(received.media().get(0).mediaId()).get(30, TimeUnit.SECONDS);
        assertThat(Files.readAllBytes(downloaded)).isEqualTo(Files.readAllBytes(clip));
        waitUntil(() -> lookup(".bubble-video.preview").tryQuery().isPresent()
                && lookup(".bubble-video-play").tryQuery().isPresent());
        assertThat(textOf(".bubble-video-size")).isNotBlank();
        waitUntil(() -> "Video".equals(screen.preview("Bob Marsh")));
        snapshot(SHOTS.resolve("video-bubble-sent.png"));

        clickOn(".bubble-video");
        // Whether it plays inside depends on the platform's codecs; either way it settles, and the system
        // player is a click away.
        waitUntil(() -> viewer() != null && viewer().lookup(".photo-viewer-video") != null
                && !viewer().lookup(".photo-viewer-video").getStyleClass().contains("video-loading"));
        assertThat(onFx(() -> viewer().lookupAll(".button").stream().filter(Node::isVisible)
                .map(node -> ((Labeled) node).getText()).toList())).contains("Open with system player");
        snapshot(viewer().getScene(), SHOTS.resolve("video-viewer.png"));
    }

    @Test
    void aVideoJavaFxCannotPlayOpensWithTheSystemPlayer() throws Exception {
        aliceChatsWithBob("Did you film it?");
        Path clip = TestVideos.webm(tempDir.resolve("clip.webm"));
        PreparedVideo video = new VideoPipeline().prepare(clip);
        bobSession.sendPhotos(conversation, List.of(PreparedMedia.ofFile(clip, video.type().mime(), video.sha256(),
                video.size())), "from the ramp").sent().get(30, TimeUnit.SECONDS);

        try {
            waitUntil(() -> lookup(".bubble-video").tryQuery().isPresent() && screen.showsBubble("from the ramp"));
        } finally {
            snapshot(SHOTS.resolve("video-bubble-webm.png"));
        }
        clickOn(".bubble-video");

        waitUntil(() -> viewer() != null && viewer().lookup(".photo-viewer-video-fallback") != null);
        assertThat(onFx(() -> ((Labeled) viewer().lookup(".photo-viewer-video-fallback .label")).getText()))
                .isEqualTo("This video can't play inside Parley.");
        snapshot(viewer().getScene(), SHOTS.resolve("video-viewer-fallback.png"));
        clickOn(onFx(() -> viewer().lookup(".photo-viewer-video-fallback .button")));

        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> !openedLinks.isEmpty());
        URI opened = openedLinks.get(0);
        assertThat(opened.getScheme()).isEqualTo("file");
        assertThat(Path.of(opened).getFileName().toString()).isEqualTo("video-" + video.sha256().substring(0, 8)
                + ".webm");
        assertThat(Files.readAllBytes(Path.of(opened))).isEqualTo(Files.readAllBytes(clip));
    }

    @Test
    void aGifAnimatesInItsBubble() throws Exception {
        aliceChatsWithBob("Did you film it?");
        byte[] gif = AnimatedGifs.looping(120, 90, 10, Color.RED, Color.BLUE);
        bobSession.sendPhotos(conversation, List.of(PreparedMedia.of(gif, "image/gif", 120, 90)), "").sent()
                .get(30, TimeUnit.SECONDS);

        waitUntil(() -> lookup(".bubble-photo.loaded").tryQuery().isPresent());
        ImageView view = onFx(() -> (ImageView) lookup(".bubble-photo.loaded .image-view").query());
        // An animated image has no pixel reader; what the view draws shows which frame is up.
        Set<String> seen = ConcurrentHashMap.newKeySet();
        waitUntil(() -> {
            seen.add(onFx(() -> colourAtCentre(view.snapshot(null, null))));
            return seen.containsAll(Set.of("red", "blue"));
        });
    }

    private static String colourAtCentre(Image image) {
        javafx.scene.paint.Color colour = image.getPixelReader().getColor((int) image.getWidth() / 2,
                (int) image.getHeight() / 2);
        return colour.getRed() > 0.8 && colour.getBlue() < 0.2 ? "red"
                : colour.getBlue() > 0.8 && colour.getRed() < 0.2 ? "blue" : "other";
    }

}
