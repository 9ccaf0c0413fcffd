package dev.parley.client.ui.stickers;

import dev.parley.client.stickers.StickerEntry;
import dev.parley.client.stickers.StickerPack;
import java.util.List;

/** One row of the sticker grid: a section's title (stickers empty), or up to four stickers. */
public record StickerRow(String section, String title, List<Choice> stickers) {

    /** A sticker in the grid, with its place in the flat order the arrow keys move through. */
    public record Choice(StickerPack pack, StickerEntry entry, int index) {
    }

    public boolean header() {
        return stickers.isEmpty();
    }
}
