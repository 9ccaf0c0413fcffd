package dev.parley.client.ui.outreach;

import dev.parley.protocol.Limits;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** A label as typed ("#VIP ") in the form the server keeps ("vip"), or empty if it cannot be one. */
final class Labels {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    private Labels() {
    }

    static Optional<String> normalise(String typed) {
        String label = typed.strip().toLowerCase(Locale.ROOT).replace(' ', '-');
        if (label.startsWith("#")) {
            label = label.substring(1);
        }
        return label.length() <= Limits.MAX_LABEL_CHARS && LABEL.matcher(label).matches()
                ? Optional.of(label) : Optional.empty();
    }
}
