package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.Limits;
import dev.parley.protocol.MediaRef;
import dev.parley.protocol.Request;
import dev.parley.server.testing.MediaWire;
import dev.parley.server.testing.TestImages;
import dev.parley.server.testing.TwoFriendsTest;
import dev.parley.server.testing.WireClient;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every bad upload or download gets a typed error and leaves nothing under media/ or uploads/. */
class MediaBadInputTest extends TwoFriendsTest {
    @AfterEach
    void nothingHalfStored() {
        assertThat(alice.isClosed()).as("the connection stays usable").isFalse();
        assertThat(MediaWire.files(dataDir)).isEmpty();
    }

    JsonNode refusedCommit(byte[] content, String mime, String code) throws Exception {
        JsonNode reply = MediaWire.upload(alice, content, mime);
        assertThat(reply.get("type").asText()).as("%s", reply).isEqualTo("error");
        assertThat(reply.get("code").asText()).as("%s", reply).isEqualTo(code);
        BadInputTest.assertNoStackTrace(reply);
        return reply;
    }

    @Test
    void aTruncatedJpegIsNotAValidImage() throws Exception {
        byte[] photo = TestImages.jpeg(400, 300, 1);

        JsonNode reply = refusedCommit(Arrays.copyOf(photo, photo.length * 2 / 3), "image/jpeg", "bad_request");

        assertThat(reply.get("message").asText()).isEqualTo("not a valid image");
    }

    @Test
    void pngBytesDeclaredAsJpegAreRefusedByTheirMagicBytes() throws Exception {
        JsonNode reply = refusedCommit(TestImages.png(40, 30, 2), "image/jpeg", "bad_request");

        assertThat(reply.get("message").asText()).isEqualTo("the content is not image/jpeg");
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeader() throws Exception {
        byte[] bomb = TestImages.pngBomb(30_000);
        assertThat(bomb.length).as("a few KB").isLessThan(10_000);

        JsonNode reply = refusedCommit(bomb, "image/png", "too_large");

        assertThat(reply.get("message").asText()).contains("30000 × 30000");
    }

    @Test
    void aPngClaimingOneHundredThousandPixelsASideIsRefusedFromItsHeader() throws Exception {
        JsonNode reply = refusedCommit(TestImages.pngBomb(100_000), "image/png", "too_large");

        assertThat(reply.get("message").asText()).contains("100000 × 100000");
    }

    @Test
    void aSmallJpegClaimingHugeDimensionsIsRefusedFromItsHeader() throws Exception {
        byte[] bomb = TestImages.jpegClaiming(65_000, 65_000);
        assertThat(bomb.length).as("a few KB").isLessThan(10_000);

        JsonNode reply = refusedCommit(bomb, "image/jpeg", "too_large");

        assertThat(reply.get("message").asText()).contains("65000 × 65000");
    }

    @Test
    void aGifOfThousandsOfTinyFramesOnALargeCanvasIsRefusedFromItsBlocks() throws Exception {
        byte[] bomb = TestImages.gifOfTinyFrames(2_000, 2_000, 3_000);
        assertThat(bomb.length).as("under 100 KB").isLessThan(100_000);

        JsonNode reply = refusedCommit(bomb, "image/gif", "too_large");

        assertThat(reply.get("message").asText()).contains("3000 frames");
    }

    @Test
    void aGifWhoseCanvasIsHugeIsRefusedEvenWhenItsFrameIsOnePixel() throws Exception {
        JsonNode reply = refusedCommit(TestImages.gifOfTinyFrames(65_000, 65_000, 1), "image/gif", "too_large");

        assertThat(reply.get("message").asText()).contains("canvas is 65000 × 65000");
    }

    @Test
    void textDeclaredAsAnImageIsNotAValidImage() throws Exception {
        refusedCommit("just some text, no pixels here".getBytes(StandardCharsets.UTF_8), "image/png", "bad_request");
    }

    @Test
    void aBodyThatDoesNotMatchItsSha256IsRefusedAtCommit() throws Exception {
        byte[] photo = TestImages.png(40, 30, 3);
        JsonNode begun = alice.ok(new Request.MediaBegin(MediaWire.sha256(new byte[] {1}), (long) photo.length,
                "image/png"));
        UUID uploadId = UUID.fromString(begun.get("uploadId").asText());
        MediaWire.sendRange(alice, uploadId, photo, 0, photo.length);

        JsonNode reply = alice.error(new Request.MediaCommit(uploadId));

        assertThat(reply.get("code").asText()).isEqualTo("bad_request");
        assertThat(reply.get("message").asText()).contains("sha256");
        assertThat(alice.error(new Request.MediaCommit(uploadId)).get("code").asText())
                .as("a refused upload is gone").isEqualTo("not_found");
    }

    @Test
    void anUploadOverTheSizeCapIsRefusedBeforeAnyByte() {
        JsonNode reply = alice.rawRequest("media.begin", "{\"sha256\":\"" + MediaWire.sha256(new byte[] {1})
                + "\",\"size\":" + (Limits.MAX_PHOTO_BYTES + 1) + ",\"mime\":\"image/jpeg\"}");

        assertThat(reply.get("code").asText()).isEqualTo("too_large");
    }

    @Test
    void aChunkOutOfOrderIsRefusedAndNothingOfItIsKept() throws Exception {
        byte[] photo = TestImages.jpeg(400, 300, 4);
        UUID uploadId = UUID.fromString(MediaWire.begin(alice, photo, "image/jpeg").at("/body/uploadId").asText());

        JsonNode refused = MediaWire.sendChunk(alice, uploadId, MediaWire.CHUNK, photo, MediaWire.CHUNK, 1_000);
        JsonNode early = alice.error(new Request.MediaCommit(uploadId));

        assertThat(refused.get("type").asText()).isEqualTo("evt.upload.error");
        assertThat(refused.at("/body/code").asText()).isEqualTo("conflict");
        assertThat(refused.at("/body/offset").asLong()).as("send from here").isZero();
        assertThat(early.get("message").asText()).contains("0 of " + photo.length);
        MediaWire.sendRange(alice, uploadId, photo, 0, photo.length);
        assertThat(alice.ok(new Request.MediaCommit(uploadId)).get("mediaId").asText())
                .isEqualTo(MediaWire.sha256(photo));
        MediaWire.files(dataDir).forEach(path -> path.toFile().delete());
    }

    @Test
    void anAbortedUploadLeavesNothingAndOnlyItsOwnerCanAbortIt() throws Exception {
        byte[] photo = TestImages.jpeg(400, 300, 6);
        UUID uploadId = UUID.fromString(MediaWire.begin(alice, photo, "image/jpeg").at("/body/uploadId").asText());
        MediaWire.sendRange(alice, uploadId, photo, 0, MediaWire.CHUNK);

        JsonNode byBob = bob.error(new Request.MediaAbort(uploadId));
        alice.ok(new Request.MediaAbort(uploadId));

        assertThat(byBob.get("code").asText()).isEqualTo("not_found");
        assertThat(alice.error(new Request.MediaCommit(uploadId)).get("code").asText()).isEqualTo("not_found");
        assertThat(alice.error(new Request.MediaAbort(uploadId)).get("code").asText()).isEqualTo("not_found");
        assertThat(MediaWire.begin(alice, photo, "image/jpeg").at("/body/offset").asLong())
                .as("starting again starts from nothing").isZero();
    }

    @Test
    void aChunkForSomeoneElsesUploadIsRefusedAsUnknown() throws Exception {
        byte[] photo = TestImages.jpeg(200, 100, 5);
        UUID bobsUpload = UUID.fromString(MediaWire.begin(bob, photo, "image/jpeg").at("/body/uploadId").asText());

        JsonNode refused = MediaWire.sendChunk(alice, bobsUpload, 0, photo, 0, 1_000);
        JsonNode commit = alice.error(new Request.MediaCommit(bobsUpload));

        assertThat(refused.get("type").asText()).isEqualTo("evt.upload.error");
        assertThat(refused.at("/body/code").asText()).isEqualTo("not_found");
        assertThat(refused.at("/body/offset").isMissingNode()).isTrue();
        assertThat(commit.get("code").asText()).isEqualTo("not_found");
        assertThat(MediaWire.begin(bob, photo, "image/jpeg").at("/body/offset").asLong())
                .as("bob's upload is untouched").isZero();
    }

    @Test
    void mediaTheUserMayNotSeeIsNotFoundLikeMediaThatDoesNotExist() throws Exception {
        WireClient carol = user("carol");
        String mediaId = MediaWire.uploaded(carol, TestImages.png(20, 20, 6), "image/png");

        JsonNode hidden = alice.error(new Request.MediaGet(mediaId, 0L, null));
        JsonNode missing = alice.error(new Request.MediaGet(MediaWire.sha256(new byte[] {7}), 0L, null));

        assertThat(hidden.get("code").asText()).isEqualTo("not_found");
        assertThat(hidden.get("message").asText()).isEqualTo(missing.get("message").asText());
        MediaWire.files(dataDir).forEach(path -> path.toFile().delete());
    }

    @Test
    void sendingSomeoneElsesMediaIsNotFoundAndStoresNoMessage() throws Exception {
        WireClient carol = user("carol");
        String mediaId = MediaWire.uploaded(carol, TestImages.png(20, 20, 7), "image/png");

        JsonNode reply = alice.error(new Request.MessageSend(conversation, UUID.randomUUID(), "look",
                List.of(new MediaRef(mediaId))));

        assertThat(reply.get("code").asText()).isEqualTo("not_found");
        assertThat(reply.get("message").asText()).isEqualTo("no such media");
        assertThat(alice.ok(new Request.MessageHistory(conversation, null, null)).get("messages")).isEmpty();
        MediaWire.files(dataDir).forEach(path -> path.toFile().delete());
    }
}
