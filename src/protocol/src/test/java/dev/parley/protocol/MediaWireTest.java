package dev.parley.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The media parts of the wire: upload chunk frames, size caps, captions, and bytes in {@code media.get}. */
class MediaWireTest {
    static final String SHA = CodecTest.SHA;
    static final UUID UPLOAD = UUID.fromString("3f2b8c1e-7d4a-4e0b-9a61-0c2d5e8f1a77");

    static ErrorCode refusal(Runnable construction) {
        return catchThrowableOfType(ProtocolException.class, construction::run).code();
    }

    @Test
    void chunkFramesCarryUploadIdAndOffsetBigEndianBeforeTheData() {
        byte[] data = {9, 8, 7, 6, 5};

        ByteBuffer frame = UploadChunk.frame(UPLOAD, 0x0102030405L, data, 1, 3);

        assertThat(frame.remaining()).isEqualTo(UploadChunk.HEADER_BYTES + 3);
        assertThat(frame.getLong(0)).isEqualTo(UPLOAD.getMostSignificantBits());
        assertThat(frame.getLong(8)).isEqualTo(UPLOAD.getLeastSignificantBits());
        assertThat(frame.get(16 + 3)).isEqualTo((byte) 0x01);
        UploadChunk chunk = UploadChunk.parse(frame);
        assertThat(chunk.uploadId()).isEqualTo(UPLOAD);
        assertThat(chunk.offset()).isEqualTo(0x0102030405L);
        assertThat(chunk.data()).isEqualTo(ByteBuffer.wrap(new byte[] {8, 7, 6}));
    }

    @Test
    void chunksWithoutDataOrOverTheLimitAreRefused() {
        byte[] tooMuch = new byte[Limits.MAX_CHUNK_BYTES + 1];

        assertThat(refusal(() -> UploadChunk.parse(ByteBuffer.allocate(UploadChunk.HEADER_BYTES))))
                .isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(refusal(() -> UploadChunk.parse(UploadChunk.frame(UPLOAD, 0, tooMuch, 0, tooMuch.length))))
                .isEqualTo(ErrorCode.TOO_LARGE);
        assertThat(refusal(() -> UploadChunk.parse(UploadChunk.frame(UPLOAD, -1, tooMuch, 0, 10))))
                .isEqualTo(ErrorCode.BAD_REQUEST);
    }

    @Test
    void eachKindOfMediaHasItsOwnSizeCap() {
        assertThat(new Request.MediaBegin(SHA, Limits.MAX_PHOTO_BYTES, "IMAGE/JPEG").mime()).isEqualTo("image/jpeg");
        assertThat(refusal(() -> new Request.MediaBegin(SHA, Limits.MAX_PHOTO_BYTES + 1, "image/png")))
                .isEqualTo(ErrorCode.TOO_LARGE);
        assertThat(refusal(() -> new Request.MediaBegin(SHA, Limits.MAX_GIF_BYTES + 1, "image/gif")))
                .isEqualTo(ErrorCode.TOO_LARGE);
        assertThat(new Request.MediaBegin(SHA, Limits.MAX_VIDEO_BYTES, "video/webm").mediaType())
                .isEqualTo(MediaType.WEBM);
        assertThat(refusal(() -> new Request.MediaBegin(SHA, Limits.MAX_VIDEO_BYTES + 1, "video/mp4")))
                .isEqualTo(ErrorCode.TOO_LARGE);
        assertThat(refusal(() -> new Request.MediaBegin(SHA, 10L, "image/webp"))).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(new Request.MediaBegin(SHA.toUpperCase(), 10L, "image/gif").sha256()).isEqualTo(SHA);
    }

    @Test
    void aCaptionMayBeEmptyButNotLongerThanItsLimit() {
        List<MediaRef> photo = List.of(new MediaRef(SHA));
        String caption = "x".repeat(Limits.MAX_CAPTION_CHARS);

        assertThat(new Request.MessageSend(7L, UPLOAD, null, photo).text()).isEmpty();
        assertThat(new Request.MessageSend(7L, UPLOAD, caption, photo).text()).hasSize(Limits.MAX_CAPTION_CHARS);
        assertThat(refusal(() -> new Request.MessageSend(7L, UPLOAD, caption + "x", photo)))
                .isEqualTo(ErrorCode.TOO_LARGE);
        assertThat(refusal(() -> new Request.MessageSend(7L, UPLOAD, null, null))).isEqualTo(ErrorCode.BAD_REQUEST);
    }

    @Test
    void aMessageCarriesOneToTenDistinctMediaItems() {
        List<MediaRef> eleven = IntStream.range(0, 11)
                .mapToObj(i -> new MediaRef(String.format("%064x", i))).toList();

        assertThat(refusal(() -> new Request.MessageSend(7L, UPLOAD, "", eleven))).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(refusal(() -> new Request.MessageSend(7L, UPLOAD, "", List.of(new MediaRef(SHA),
                new MediaRef(SHA))))).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(new Request.MessageSend(7L, UPLOAD, "", eleven.subList(0, 10)).media()).hasSize(10);
    }

    @Test
    void mediaBytesTravelAsBase64AndMessagesWithoutMediaOmitTheField() throws Exception {
        byte[] bytes = {0, 1, 2, (byte) 0xFF};
        String frame = new Codec().encodeOk("r", new Reply.MediaData(SHA, 10, 14, bytes));

        var body = new ObjectMapper().readTree(frame).get("body");
        Reply.MediaData read = new Codec().readBody(body, Reply.MediaData.class);

        assertThat(body.get("data").asText()).isEqualTo(Base64.getEncoder().encodeToString(bytes));
        assertThat(read.data()).containsExactly(bytes);
        assertThat(new Codec().encodeEvent(new Event.MessageEvent(CodecTest.MESSAGE))).doesNotContain("media");
    }
}
