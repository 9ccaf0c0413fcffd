package dev.parley.protocol;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A limited-time offer a message carries: a title, a description, an optional code to copy and the moment it
 * ends. Every client counts down to {@code expiresAt} on its own clock and shows the offer as expired after it,
 * so no event is needed when it ends. Whether the end lies in the future is the server's check at sending time.
 */
public record Offer(String title, String description, String code, Instant expiresAt) {
    /** An offer code: letters, digits, '-' and '_', as people type them at a checkout. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]+");

    public Offer {
        title = Check.text(title, "offer.title", Limits.MAX_OFFER_TITLE_CHARS);
        description = description == null || description.isBlank() ? ""
                : Check.atMost(description, "offer.description", Limits.MAX_OFFER_DESCRIPTION_CHARS);
        if (code != null && !code.isBlank()) {
            code = code.strip();
            if (code.length() > Limits.MAX_OFFER_CODE_CHARS || !CODE.matcher(code).matches()) {
                throw ProtocolException.badRequest("'offer.code' must be 1–" + Limits.MAX_OFFER_CODE_CHARS
                        + " of A-Z, a-z, 0-9, '-' and '_'");
            }
        } else {
            code = null;
        }
        Check.present(expiresAt, "offer.expiresAt");
    }
}
