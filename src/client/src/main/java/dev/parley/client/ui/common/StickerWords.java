package dev.parley.client.ui.common;

import dev.parley.client.ui.ViewLoader;
import dev.parley.protocol.Sticker;

/** How a sticker reads where only words fit: the conversation list, notifications, a reply's quote. */
public final class StickerWords {
    private StickerWords() {
    }

    /** "😂 Sticker", or "Sticker" for a sticker without an emoji. */
    public static String preview(Sticker sticker) {
        return preview(sticker.emoji());
    }

    /** The same from the sticker's emoji (null or empty when it has none). */
    public static String preview(String emoji) {
        return emoji == null || emoji.isBlank() ? ViewLoader.text("sticker.preview")
                : ViewLoader.text("sticker.preview.emoji", emoji);
    }
}
