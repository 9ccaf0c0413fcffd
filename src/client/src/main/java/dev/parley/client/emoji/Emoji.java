package dev.parley.client.emoji;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An emoji of the catalogue: its default glyph, the names people search it by, where the picker lists it, and
 * its skin-tone variants (empty when it has none).
 */
public record Emoji(Glyph glyph, String name, List<String> shortNames, EmojiCategory category, int sortOrder,
        Map<SkinTone, Glyph> skins, boolean listed) {

    public Emoji {
        shortNames = List.copyOf(shortNames);
        skins = Map.copyOf(skins);
    }

    /** The glyph in this skin tone, or the default one when the emoji has no such variant. */
    public Glyph in(SkinTone tone) {
        return skins.getOrDefault(tone, glyph);
    }

    public boolean hasSkinTones() {
        return !skins.isEmpty();
    }

    public String shortName() {
        return shortNames.get(0);
    }

    /** The name for people to read: "Thumbs up sign" rather than the catalogue's "THUMBS UP SIGN". */
    public String displayName() {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.isEmpty() ? shortName() : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
