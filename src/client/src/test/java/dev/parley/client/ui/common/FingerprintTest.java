package dev.parley.client.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The rows a fingerprint is shown in, for comparing it pair by pair. */
class FingerprintTest {
    /** Pairs 00 to 1F, so each row's first and last pair say where it was cut. */
    private static final String SHA256 = IntStream.range(0, 32).mapToObj(i -> String.format("%02X", i))
            .collect(Collectors.joining(":"));

    @Test
    void aSha256FingerprintShowsAsTwoRowsOfSixteenPairs() {
        assertThat(Fingerprint.twoLines(SHA256).lines()).containsExactly(
                "00:01:02:03:04:05:06:07:08:09:0A:0B:0C:0D:0E:0F",
                "10:11:12:13:14:15:16:17:18:19:1A:1B:1C:1D:1E:1F");
    }

    @Test
    void whereTwoRowsDoNotFitItShowsAsFourRowsOfEight() {
        assertThat(Fingerprint.rows(SHA256, 8).lines()).containsExactly("00:01:02:03:04:05:06:07",
                "08:09:0A:0B:0C:0D:0E:0F", "10:11:12:13:14:15:16:17", "18:19:1A:1B:1C:1D:1E:1F");
    }

    @Test
    void anythingElseIsShownAsItIs() {
        assertThat(Fingerprint.twoLines("AB:CD")).isEqualTo("AB:CD");
    }
}
