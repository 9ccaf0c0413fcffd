package dev.parley.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Set;

/**
 * Fuzzes the codec with any bytes a client (or a server, for the client's reader) may send. Without
 * {@code JAZZER_FUZZ=1} each method runs once per file in its {@code CodecFuzzTestInputs/<method>} folder,
 * so the seeds and every input that once broke the codec run as plain unit tests.
 */
class CodecFuzzTest {
    private static final Codec CODEC = new Codec();
    /** What reading a frame may refuse it with: the records' own checks include {@code too_large}. */
    private static final Set<ErrorCode> DECODING_ERRORS = Set.of(ErrorCode.BAD_REQUEST, ErrorCode.UNSUPPORTED_VERSION,
            ErrorCode.TOO_LARGE);

    /**
     * A client frame becomes a valid request or a {@code bad_request}, {@code unsupported_version} or
     * {@code too_large}, never another exception; a request that decodes encodes back to a frame that decodes to an equal request.
     */
    @FuzzTest(maxDuration = "10m", maxExecutions = 1_000_000)
    void anyClientFrameDecodesToARequestOrATypedError(byte[] input) {
        Codec.Decoded decoded = CODEC.decodeRequest(new String(input, UTF_8));

        if (decoded instanceof Codec.Decoded.Failed failed) {
            assertThat(failed.error().code()).isIn(DECODING_ERRORS);
            assertThat(failed.error().getMessage()).isNotBlank();
            return;
        }
        Codec.Decoded.Ok ok = (Codec.Decoded.Ok) decoded;
        Codec.Decoded again = CODEC.decodeRequest(CODEC.encodeRequest(ok.id(), ok.request()));
        assertThat(again).isEqualTo(decoded);
    }

    /** The client reads any frame from a server as a frame or a typed {@link ProtocolException}, nothing else. */
    @FuzzTest(maxDuration = "10m", maxExecutions = 1_000_000)
    void anyServerFrameDecodesToAFrameOrATypedError(byte[] input) {
        try {
            assertThat(CODEC.decodeServerFrame(new String(input, UTF_8))).isNotNull();
        } catch (ProtocolException e) {
            assertThat(e.code()).isNotNull();
        }
    }
}
