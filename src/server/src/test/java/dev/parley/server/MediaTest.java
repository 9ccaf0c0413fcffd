package dev.parley.server;

import static dev.parley.server.testing.MediaWire.CHUNK;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.MediaRef;
import dev.parley.protocol.Request;
import dev.parley.server.testing.MediaWire;
import dev.parley.server.testing.TestImages;
import dev.parley.server.testing.TwoFriendsTest;
import dev.parley.server.testing.WireClient;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Photos travel in chunks, are stored once by content, and reach the people in the conversation. */
class MediaTest extends TwoFriendsTest {
    @Test
    void photoSentInAMessageIsDownloadedByTheRecipientInRanges() throws Exception {
        byte[] photo = TestImages.jpeg(400, 300, 1);

        JsonNode committed = MediaWire.upload(alice, photo, "image/jpeg");
        String mediaId = committed.at("/body/mediaId").asText();
        JsonNode sent = alice.ok(new Request.MessageSend(conversation, UUID.randomUUID(), " at the beach ",
                List.of(new MediaRef(mediaId))));
        JsonNode received = bob.awaitMessages(1).get(0);
        byte[] downloaded = MediaWire.download(bob, mediaId, 50_000);

        assertThat(committed.at("/body/mime").asText()).isEqualTo("image/jpeg");
        assertThat(committed.at("/body/size").asLong()).isEqualTo(photo.length);
        assertThat(committed.at("/body/width").asInt()).isEqualTo(400);
        assertThat(committed.at("/body/height").asInt()).isEqualTo(300);
        assertThat(mediaId).isEqualTo(MediaWire.sha256(photo));
        assertThat(sent.at("/message/text").asText()).isEqualTo("at the beach");
        assertThat(received.at("/media/0/mediaId").asText()).isEqualTo(mediaId);
        assertThat(received.at("/media/0/width").asInt()).isEqualTo(400);
        assertThat(MediaWire.sha256(downloaded)).isEqualTo(mediaId);
        assertThat(bob.ok(new Request.MessageHistory(conversation, null, null)).at("/messages/0/media/0/size")
                .asLong()).isEqualTo(photo.length);
        assertThat(MediaWire.files(dataDir)).hasSize(1);
    }

    @Test
    void aPhotoCarriesItsThumbnailWhichTheRecipientMayDownload() throws Exception {
        String photo = MediaWire.uploaded(alice, TestImages.jpeg(1200, 900, 7), "image/jpeg");
        byte[] small = TestImages.jpeg(320, 240, 8);
        String thumbnail = MediaWire.uploaded(alice, small, "image/jpeg");

        alice.ok(new Request.MessageSend(conversation, UUID.randomUUID(), "preview first",
                List.of(new MediaRef(photo, thumbnail))));
        JsonNode received = bob.awaitMessages(1).get(0);

        assertThat(received.at("/media/0/mediaId").asText()).isEqualTo(photo);
        assertThat(received.at("/media/0/thumbnail/mediaId").asText()).isEqualTo(thumbnail);
        assertThat(received.at("/media/0/thumbnail/width").asInt()).isEqualTo(320);
        assertThat(MediaWire.sha256(MediaWire.download(bob, thumbnail, 64 * 1024))).isEqualTo(thumbnail);
    }

    @Test
    void aThumbnailMustBeSmallAndTheSendersOwn() throws Exception {
        String photo = MediaWire.uploaded(alice, TestImages.jpeg(1200, 900, 9), "image/jpeg");
        String large = MediaWire.uploaded(alice, TestImages.jpeg(500, 300, 10), "image/jpeg");
        String bobs = MediaWire.uploaded(bob, TestImages.jpeg(100, 100, 11), "image/jpeg");

        JsonNode tooLarge = alice.error(new Request.MessageSend(conversation, UUID.randomUUID(), "",
                List.of(new MediaRef(photo, large))));
        JsonNode notHers = alice.error(new Request.MessageSend(conversation, UUID.randomUUID(), "",
                List.of(new MediaRef(photo, bobs))));

        assertThat(tooLarge.get("code").asText()).isEqualTo("bad_request");
        assertThat(notHers.get("code").asText()).isEqualTo("not_found");
        assertThat(bob.ok(new Request.MessageHistory(conversation, null, null)).get("messages")).isEmpty();
    }

    @Test
    void aPhotoWithoutCaptionIsAMessageWithEmptyText() throws Exception {
        String mediaId = MediaWire.uploaded(alice, TestImages.png(64, 48, 2), "image/png");

        JsonNode sent = alice.ok(new Request.MessageSend(conversation, UUID.randomUUID(), null,
                List.of(new MediaRef(mediaId))));

        assertThat(sent.at("/message/text").asText()).isEmpty();
        assertThat(sent.at("/message/media/0/mime").asText()).isEqualTo("image/png");
    }

    @Test
    void sameContentIsStoredOnceAndASecondUploadNeedsNoBytes() throws Exception {
        byte[] photo = TestImages.jpeg(300, 200, 3);
        String mediaId = MediaWire.uploaded(alice, photo, "image/jpeg");

        JsonNode again = MediaWire.begin(alice, photo, "image/jpeg");
        JsonNode committedAgain = alice.ok(new Request.MediaCommit(
                UUID.fromString(again.at("/body/uploadId").asText())));

        assertThat(again.at("/body/offset").asLong()).isEqualTo(photo.length);
        assertThat(committedAgain.get("mediaId").asText()).isEqualTo(mediaId);
        assertThat(MediaWire.files(dataDir)).hasSize(1);
    }

    @Test
    void someoneElseWithTheSameBytesMustSendThemButTheyAreStillStoredOnce() throws Exception {
        byte[] photo = TestImages.jpeg(300, 200, 4);
        String mediaId = MediaWire.uploaded(alice, photo, "image/jpeg");

        JsonNode bobBegins = MediaWire.begin(bob, photo, "image/jpeg");
        String bobsId = MediaWire.uploaded(bob, photo, "image/jpeg");

        assertThat(bobBegins.at("/body/offset").asLong()).as("knowing a hash proves nothing").isZero();
        assertThat(bobsId).isEqualTo(mediaId);
        assertThat(MediaWire.files(dataDir)).hasSize(1);
    }

    @Test
    void anUploadCutOffHalfwayResumesFromTheServersOffsetOnANewConnection() throws Exception {
        byte[] photo = TestImages.jpeg(1000, 800, 5);
        int chunks = (photo.length + CHUNK - 1) / CHUNK;
        assertThat(chunks).as("the photo spans several chunks").isGreaterThanOrEqualTo(4);
        JsonNode begun = MediaWire.begin(alice, photo, "image/jpeg");
        UUID uploadId = UUID.fromString(begun.at("/body/uploadId").asText());
        long half = (long) (chunks / 2) * CHUNK;
        MediaWire.sendRange(alice, uploadId, photo, 0, half);
        alice.abort();

        WireClient again = track(alice.resume(server.uri()));
        JsonNode resumed = MediaWire.begin(again, photo, "image/jpeg");
        MediaWire.sendRange(again, uploadId, photo, resumed.at("/body/offset").asLong(), photo.length);
        JsonNode committed = again.ok(new Request.MediaCommit(uploadId));

        assertThat(resumed.at("/body/uploadId").asText()).isEqualTo(uploadId.toString());
        assertThat(resumed.at("/body/offset").asLong()).isEqualTo(half);
        assertThat(committed.get("mediaId").asText()).isEqualTo(MediaWire.sha256(photo));
        assertThat(MediaWire.sha256(MediaWire.download(again, committed.get("mediaId").asText(), 100_000)))
                .isEqualTo(MediaWire.sha256(photo));
        assertThat(MediaWire.files(dataDir)).hasSize(1);
    }

    @Test
    void unsendingAPhotoMessageTakesThePhotoFromTheRecipient() throws Exception {
        String mediaId = MediaWire.uploaded(alice, TestImages.png(32, 32, 6), "image/png");
        long seq = alice.ok(new Request.MessageSend(conversation, UUID.randomUUID(), "oops",
                List.of(new MediaRef(mediaId)))).at("/message/seq").asLong();
        assertThat(bob.ok(new Request.MediaGet(mediaId, 0L, null)).get("total").asLong()).isPositive();

        alice.ok(new Request.MessageUnsend(conversation, seq));

        assertThat(bob.error(new Request.MediaGet(mediaId, 0L, null)).get("code").asText()).isEqualTo("not_found");
        assertThat(alice.ok(new Request.MediaGet(mediaId, 0L, null)).get("total").asLong())
                .as("the uploader keeps it").isPositive();
    }
}
