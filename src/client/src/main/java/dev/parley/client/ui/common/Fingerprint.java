package dev.parley.client.ui.common;

import java.util.ArrayList;
import java.util.List;

/** How the app shows a certificate's SHA-256 fingerprint, wherever a person compares or reviews one. */
public final class Fingerprint {
    /** The colon-separated upper-case hex pairs of a SHA-256 digest: 32 pairs, 31 colons. */
    private static final int LENGTH = 95;

    private Fingerprint() {
    }

    /** The 32 pairs of a SHA-256 fingerprint as two rows of 16, easy to compare with what the operator reads out. */
    public static String twoLines(String fingerprint) {
        return rows(fingerprint, 16);
    }

    /** The pairs in rows of {@code pairsPerRow} (a divisor of 32); anything but a SHA-256 fingerprint as it is. */
    static String rows(String fingerprint, int pairsPerRow) {
        if (fingerprint.length() != LENGTH) {
            return fingerprint;
        }
        int rowLength = pairsPerRow * 3 - 1;
        List<String> rows = new ArrayList<>();
        for (int start = 0; start < LENGTH; start += rowLength + 1) {
            rows.add(fingerprint.substring(start, start + rowLength));
        }
        return String.join("\n", rows);
    }
}
