package dev.parley.client.stickers;

import dev.parley.protocol.Sticker;

/** A sticker chosen to send, with its image when it comes from an imported pack (null for a built-in one). */
public record PickedSticker(Sticker sticker, byte[] image) {
}
