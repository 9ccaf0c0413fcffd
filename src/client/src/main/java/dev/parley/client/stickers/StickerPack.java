package dev.parley.client.stickers;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Optional;

/**
 * A sticker pack as its {@code manifest.json} describes it: id, title, author, licence and stickers. Built-in packs
 * ship with the app; imported ones ({@link #imported()}) live in the account's data folder and travel as media.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StickerPack(String id, String title, String author, String licence, List<StickerEntry> stickers) {
    /** Ids of packs a person imported start with this, so they never collide with a built-in pack. */
    public static final String IMPORTED_PREFIX = "imported.";

    public StickerPack {
        stickers = stickers == null ? List.of() : List.copyOf(stickers);
    }

    @JsonIgnore
    public boolean imported() {
        return id.startsWith(IMPORTED_PREFIX);
    }

    public Optional<StickerEntry> sticker(String stickerId) {
        return stickers.stream().filter(entry -> entry.id().equals(stickerId)).findFirst();
    }
}
