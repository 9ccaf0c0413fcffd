package dev.parley.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a broadcast sends: a text with variables ({@link Template}), filled in by the server for each recipient,
 * and optionally an {@link Offer} card that every recipient gets the same. With an offer the text is its comment
 * and may be empty; without one it is the message.
 */
public record BroadcastContent(String text, @JsonInclude(JsonInclude.Include.NON_NULL) Offer offer) {
    public BroadcastContent {
        if (offer == null) {
            text = Check.text(text, "content.text", Limits.MAX_TEXT_CHARS);
        } else {
            text = text == null || text.isBlank() ? "" : Check.text(text, "content.text", Limits.MAX_CAPTION_CHARS);
        }
    }

    /** A text only. */
    public BroadcastContent(String text) {
        this(text, null);
    }
}
