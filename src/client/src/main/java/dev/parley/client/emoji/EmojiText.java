package dev.parley.client.emoji;

import java.util.ArrayList;
import java.util.List;

/**
 * A text split into runs of plain characters and the emoji written in it, each emoji found as the longest
 * sequence the catalogue knows (so a ZWJ family, a skin-toned hand or a flag is one emoji, not its parts).
 */
public record EmojiText(List<Segment> segments) {
    /** Messages of only this many emoji (and spaces) are drawn large, without a bubble. */
    public static final int MOST_JUMBO = 3;
    private static final char VARIATION_SELECTOR = '\uFE0F';

    public EmojiText {
        segments = List.copyOf(segments);
    }

    /** A run of plain characters, or one emoji. */
    public sealed interface Segment {
        /** The characters of the text this segment covers. */
        String text();
    }

    public record Plain(String text) implements Segment {
    }

    /** An emoji as written ({@code text}), drawn as {@code glyph}, known as {@code emoji}. */
    public record Pictograph(String text, Glyph glyph, Emoji emoji) implements Segment {
    }

    public static EmojiText of(String text, EmojiCatalogue catalogue) {
        List<Segment> segments = new ArrayList<>();
        int plainFrom = 0;
        int at = 0;
        while (at < text.length()) {
            var match = catalogue.matchAt(text, at);
            if (match.isEmpty()) {
                at += Character.charCount(text.codePointAt(at));
                continue;
            }
            if (at > plainFrom) {
                segments.add(new Plain(text.substring(plainFrom, at)));
            }
            int end = at + match.get().length();
            // A stray variation selector after a known emoji changes nothing about how it looks.
            if (end < text.length() && text.charAt(end) == VARIATION_SELECTOR) {
                end++;
            }
            segments.add(new Pictograph(text.substring(at, end), match.get().glyph(), match.get().emoji()));
            at = end;
            plainFrom = end;
        }
        if (plainFrom < text.length()) {
            segments.add(new Plain(text.substring(plainFrom)));
        }
        return new EmojiText(segments);
    }

    public boolean hasEmoji() {
        return segments.stream().anyMatch(Pictograph.class::isInstance);
    }

    /** Whether the text is only one to three emoji (spaces between them allowed): a message shown large. */
    public boolean jumbo() {
        long emoji = segments.stream().filter(Pictograph.class::isInstance).count();
        return emoji >= 1 && emoji <= MOST_JUMBO
                && segments.stream().allMatch(s -> s instanceof Pictograph || s.text().isBlank());
    }
}
