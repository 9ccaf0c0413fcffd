package dev.parley.client.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.parley.client.net.ConnectionState;
import dev.parley.client.store.MessageStatus;
import dev.parley.client.store.StoredMessage;
import dev.parley.client.testing.TwoSessionsTest;
import dev.parley.client.media.PreparedVideo;
import dev.parley.client.media.VideoPipeline;
import dev.parley.client.testing.TestVideos;
import dev.parley.protocol.MediaItem;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Photo messages through real sessions and a real server: upload, resume, cancel, download and the cache. */
class PhotoMessagesTest extends TwoSessionsTest {
    @Test
    void scheduledPhotosAreUploadedNowAndTheServerSendsThemLater() throws Exception {
        PreparedMedia thumbnail = photo(80, 60, 3);
        PreparedMedia photo = photo(320, 240, 4).withThumbnail(thumbnail);

        var scheduled = alice.schedules().photos(conversationId, List.of(photo), "for the weekend",
                Instant.now().plus(Duration.ofHours(3))).get(30, TimeUnit.SECONDS);

        assertThat(scheduled.message().media()).extracting(ref -> ref.mediaId() + "/" + ref.thumbnailId())
                .containsExactly(photo.sha256() + "/" + thumbnail.sha256());
        assertThat(bobSees).noneMatch(m -> !m.media().isEmpty());
        alice.schedules().sendNow(scheduled.id()).get(30, TimeUnit.SECONDS);
        StoredMessage received = awaitPhotoMessage(bobSees);
        assertThat(received.text()).isEqualTo("for the weekend");
        assertThat(received.clientId()).isEqualTo(scheduled.message().clientId());
        assertThat(MediaCache.sha256(bob.media(photo.sha256()).get(30, TimeUnit.SECONDS))).isEqualTo(photo.sha256());
        try (var left = Files.list(tempDir.resolve("alice-cache").resolve("scheduling"))) {
            assertThat(left).as("the upload copies are gone").isEmpty();
        }
    }

    @Test
    void aPhotoMessageReachesTheOtherPersonWhoDownloadsTheSameBytes() throws Exception {
        PreparedMedia photo = photo(300, 200, 1);

        OutgoingPhotos outgoing = alice.sendPhotos(conversationId, List.of(photo), "the blue one");
        StoredMessage sent = outgoing.sent().get(30, TimeUnit.SECONDS);

        assertThat(sent.status()).isEqualTo(MessageStatus.SENT);
        assertThat(sent.media()).extracting(MediaItem::mediaId).containsExactly(photo.sha256());
        assertThat(outgoing.progress().get()).isEqualTo(1.0);
        StoredMessage received = awaitPhotoMessage(bobSees);
        assertThat(received.text()).isEqualTo("the blue one");
        assertThat(received.media()).containsExactly(new MediaItem(photo.sha256(), "image/png",
                photo.bytes().length, 300, 200));
        Path downloaded = bob.media(photo.sha256()).get(30, TimeUnit.SECONDS);
        assertThat(MediaCache.sha256(downloaded)).isEqualTo(photo.sha256());
        assertThat(bob.loadMessages(conversationId, null, 10).get(30, TimeUnit.SECONDS))
                .anySatisfy(m -> assertThat(m.media()).hasSize(1));
        assertThat(pendingUploads()).isEmpty();
    }

    @Test
    void aPhotosThumbnailTravelsWithItSoTheReceiverCanShowItFirst() throws Exception {
        PreparedMedia thumbnail = photo(80, 60, 7);
        PreparedMedia photo = photo(400, 300, 8).withThumbnail(thumbnail);

        alice.sendPhotos(conversationId, List.of(photo), "").sent().get(30, TimeUnit.SECONDS);

        StoredMessage received = awaitPhotoMessage(bobSees);
        MediaItem expectedThumbnail = new MediaItem(thumbnail.sha256(), "image/png", thumbnail.size(), 80, 60);
        assertThat(received.media()).singleElement().satisfies(item -> {
            assertThat(item.mediaId()).isEqualTo(photo.sha256());
            assertThat(item.thumbnail()).isEqualTo(expectedThumbnail);
        });
        assertThat(MediaCache.sha256(bob.media(thumbnail.sha256()).get(30, TimeUnit.SECONDS)))
                .isEqualTo(thumbnail.sha256());
        assertThat(bob.loadMessages(conversationId, null, 10).get(30, TimeUnit.SECONDS))
                .filteredOn(m -> !m.media().isEmpty()).singleElement()
                .satisfies(m -> assertThat(m.media().get(0).thumbnail()).isEqualTo(expectedThumbnail));
        assertThat(pendingUploads()).isEmpty();
    }

    @Test
    void aVideoIsUploadedFromItsFileAndArrivesWithItsPosterFrame() throws Exception {
        Path file = TestVideos.mp4(tempDir.resolve("clip.mp4"), 640, 360, 40, Color.RED);
        PreparedVideo video = new VideoPipeline().prepare(file);
        PreparedMedia media = PreparedMedia.ofFile(file, video.type().mime(), video.sha256(), video.size())
                .withThumbnail(PreparedMedia.of(video.poster().bytes(), video.poster().type().mime(),
                        video.poster().width(), video.poster().height()));

        StoredMessage sent = alice.sendPhotos(conversationId, List.of(media), "the trailer").sent()
                .get(30, TimeUnit.SECONDS);

        assertThat(sent.media()).singleElement().satisfies(item -> {
            assertThat(item.mime()).isEqualTo("video/mp4");
            assertThat(item.size()).isEqualTo(Files.size(file));
        });
        assertThat(pendingUploads()).isEmpty();
        assertThat(MediaCache.sha256(alice.media(video.sha256()).get(30, TimeUnit.SECONDS)))
                .as("the sender keeps the sent video in its cache").isEqualTo(video.sha256());
        StoredMessage received = awaitPhotoMessage(bobSees);
        assertThat(received.media()).singleElement().satisfies(item -> {
            assertThat(item.mime()).isEqualTo("video/mp4");
            assertThat(item.thumbnail().width()).isEqualTo(320);
            assertThat(item.thumbnail().height()).isEqualTo(180);
        });
        Path downloaded = bob.media(video.sha256()).get(30, TimeUnit.SECONDS);
        assertThat(Files.readAllBytes(downloaded)).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void anUploadInterruptedHalfwayResumesFromTheServersOffset() throws Exception {
        PreparedMedia photo = photo(1000, 1000, 2);
        assertThat(photo.bytes().length).as("enough chunks to stop halfway").isGreaterThan(10 * 256 * 1024);
        AtomicBoolean dropped = new AtomicBoolean();

        OutgoingPhotos outgoing = alice.sendPhotos(conversationId, List.of(photo), "");
        outgoing.progress().addListener((property, before, now) -> {
            if (now.doubleValue() >= 0.5 && dropped.compareAndSet(false, true)) {
                alice.dropConnection();
            }
        });
        outgoing.sent().get(60, TimeUnit.SECONDS);

        assertThat(dropped).isTrue();
        List<MediaUploads.Attempt> attempts = alice.uploads().attempts(photo.sha256());
        assertThat(attempts).hasSizeGreaterThanOrEqualTo(2);
        MediaUploads.Attempt resumed = attempts.get(attempts.size() - 1);
        assertThat(resumed.beginOffset()).as("the server's offset").isGreaterThan(0);
        assertThat(resumed.bytesSent()).isLessThan(photo.bytes().length);
        awaitPhotoMessage(bobSees);
        Path downloaded = bob.media(photo.sha256()).get(30, TimeUnit.SECONDS);
        assertThat(MediaCache.sha256(downloaded)).isEqualTo(photo.sha256());
    }

    @Test
    void cancellingAPhotoMessageFailsItsSendAndLeavesNoPendingUpload() throws Exception {
        PreparedMedia photo = photo(1000, 1000, 3);
        AtomicBoolean asked = new AtomicBoolean();
        List<Boolean> answers = new CopyOnWriteArrayList<>();

        OutgoingPhotos outgoing = alice.sendPhotos(conversationId, List.of(photo), "never mind");
        outgoing.progress().addListener((property, before, now) -> {
            if (now.doubleValue() > 0 && asked.compareAndSet(false, true)) {
                alice.cancelSend(outgoing.clientId()).thenAccept(answers::add);
            }
        });

        assertThatThrownBy(() -> outgoing.sent().get(30, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
        await().atMost(WAIT).until(() -> answers.equals(List.of(true)));
        assertThat(pendingUploads()).isEmpty();
        await("the server drops the partial upload too").atMost(WAIT).until(() -> {
            try (var partial = java.nio.file.Files.list(tempDir.resolve("server").resolve("uploads"))) {
                return partial.findAny().isEmpty();
            }
        });
        assertThat(aliceSees).anySatisfy(m -> {
            assertThat(m.clientId()).isEqualTo(outgoing.clientId());
            assertThat(m.deleted()).isTrue();
        });
        alice.send(conversationId, "sent after the cancelled photo");
        await().atMost(WAIT).until(() -> bobSees.stream().anyMatch(m -> m.text().equals("sent after the cancelled photo")));
        assertThat(bobSees).noneMatch(m -> !m.media().isEmpty());
        assertThat(alice.loadMessages(conversationId, null, 10).get(30, TimeUnit.SECONDS))
                .noneMatch(m -> m.clientId().equals(outgoing.clientId()));
    }

    @Test
    void evictedMediaIsDownloadedAgainOnDemand() throws Exception {
        PreparedMedia first = photo(200, 200, 4);
        PreparedMedia second = photo(200, 200, 5);
        bob.setMediaCacheCap(first.bytes().length + second.bytes().length / 2);
        alice.sendPhotos(conversationId, List.of(first, second), "two").sent().get(30, TimeUnit.SECONDS);
        awaitPhotoMessage(bobSees);

        Path firstFile = bob.media(first.sha256()).get(30, TimeUnit.SECONDS);
        Path secondFile = bob.media(second.sha256()).get(30, TimeUnit.SECONDS);

        assertThat(firstFile).as("least recently used, over the cap").doesNotExist();
        assertThat(secondFile).exists();
        Path again = bob.media(first.sha256()).get(30, TimeUnit.SECONDS);
        assertThat(MediaCache.sha256(again)).isEqualTo(first.sha256());
        assertThat(secondFile).doesNotExist();
    }

    @Test
    void clearingTheCacheKeepsOnlyThePhotosOfMessagesStillInTheOutbox() throws Exception {
        PreparedMedia delivered = photo(300, 200, 9);
        alice.sendPhotos(conversationId, List.of(delivered), "sent").sent().get(30, TimeUnit.SECONDS);
        PreparedMedia waiting = photo(200, 200, 10);
        server.stop();
        await().atMost(WAIT).until(() -> alice.stateProperty().get() == ConnectionState.OFFLINE);
        OutgoingPhotos outgoing = alice.sendPhotos(conversationId, List.of(waiting), "still in the outbox");
        await().atMost(WAIT).until(() -> aliceSees.stream().anyMatch(m -> m.clientId().equals(outgoing.clientId())));
        Path cache = tempDir.resolve("alice-cache").resolve("media");
        assertThat(cache.resolve(delivered.sha256())).exists();
        assertThat(alice.mediaCacheBytes().get(30, TimeUnit.SECONDS))
                .isEqualTo(delivered.bytes().length + waiting.bytes().length);

        long left = alice.clearMediaCache().get(30, TimeUnit.SECONDS);

        assertThat(left).isEqualTo(waiting.bytes().length);
        try (var files = Files.list(cache)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly(waiting.sha256());
        }
        assertThat(pendingUploads()).hasSize(1);
        server.start();
        await("the kept photo still goes out").atMost(WAIT).until(() -> bobSees.stream()
                .anyMatch(m -> m.text().equals("still in the outbox") && !m.media().isEmpty()));
    }

    @Test
    void aPhotoWrittenOfflineIsSentAfterTheAppRestarts() throws Exception {
        PreparedMedia photo = photo(400, 300, 6);
        server.stop();
        await().atMost(WAIT).until(() -> alice.stateProperty().get() == ConnectionState.OFFLINE);
        OutgoingPhotos outgoing = alice.sendPhotos(conversationId, List.of(photo), "from the train");
        await().atMost(WAIT).until(() -> aliceSees.stream().anyMatch(m -> m.clientId().equals(outgoing.clientId())));
        alice.close();
        assertThat(pendingUploads()).hasSize(1);

        server.start();
        alice = session(alicePeer, "Alice");
        alice.start();

        StoredMessage received = awaitPhotoMessage(bobSees);
        assertThat(received.clientId()).isEqualTo(outgoing.clientId());
        assertThat(received.text()).isEqualTo("from the train");
        assertThat(MediaCache.sha256(bob.media(photo.sha256()).get(30, TimeUnit.SECONDS))).isEqualTo(photo.sha256());
        await().atMost(WAIT).until(() -> pendingUploads().isEmpty());
        assertThat(bob.loadMessages(conversationId, null, 10).get(30, TimeUnit.SECONDS))
                .filteredOn(m -> !m.media().isEmpty()).hasSize(1);
    }

    private static StoredMessage awaitPhotoMessage(List<StoredMessage> seen) {
        await().atMost(WAIT).until(() -> seen.stream().anyMatch(m -> !m.media().isEmpty()));
        return seen.stream().filter(m -> !m.media().isEmpty()).findFirst().orElseThrow();
    }

    private List<Path> pendingUploads() throws IOException {
        Path dir = tempDir.resolve("alice-cache").resolve("pending-uploads");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return files.toList();
        }
    }

    /** A PNG of noise: it does not compress, so its size follows its dimensions (about 3 bytes a pixel). */
    private static PreparedMedia photo(int width, int height, long seed) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return PreparedMedia.of(png.toByteArray(), "image/png", width, height);
    }
}
