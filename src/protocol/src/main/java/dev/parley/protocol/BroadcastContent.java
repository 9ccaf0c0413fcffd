package dev.parley.protocol;

/**
 * What a broadcast sends: a text with variables ({@link Template}), filled in by the server for each recipient.
 * A record of its own so that it can carry more than text later.
 */
public record BroadcastContent(String text) {
    public BroadcastContent {
        text = Check.text(text, "content.text", Limits.MAX_TEXT_CHARS);
    }
}
