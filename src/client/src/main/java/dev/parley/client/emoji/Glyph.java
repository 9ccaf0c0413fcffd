package dev.parley.client.emoji;

/** One drawable emoji: the characters it is written with and its cell in the sprite sheet. */
public record Glyph(String text, int sheetX, int sheetY) {
}
