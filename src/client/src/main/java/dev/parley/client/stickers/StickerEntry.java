package dev.parley.client.stickers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Locale;

/** One sticker as a pack's manifest lists it: its id in the pack, its file, its emoji (or null) and search words. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StickerEntry(String id, String file, String emoji, List<String> keywords) {
    public StickerEntry {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }

    /** Whether a search for {@code query} (lower case, stripped) finds this sticker: by emoji, keyword or id. */
    public boolean matches(String query) {
        if (query.isEmpty()) {
            return true;
        }
        if (emoji != null && emoji.equals(query)) {
            return true;
        }
        return id.toLowerCase(Locale.ROOT).contains(query)
                || keywords.stream().anyMatch(word -> word.toLowerCase(Locale.ROOT).startsWith(query));
    }
}
