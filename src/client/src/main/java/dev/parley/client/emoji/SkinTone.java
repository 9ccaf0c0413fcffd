package dev.parley.client.emoji;

/** The skin tone a person chose for emoji of people and hands; {@link #NONE} is the default yellow. */
public enum SkinTone {
    NONE(null),
    LIGHT("1F3FB"),
    MEDIUM_LIGHT("1F3FC"),
    MEDIUM("1F3FD"),
    MEDIUM_DARK("1F3FE"),
    DARK("1F3FF");

    private final String modifier;

    SkinTone(String modifier) {
        this.modifier = modifier;
    }

    /** The modifier's code point in hex, as the catalogue keys skin variations; null for {@link #NONE}. */
    String modifier() {
        return modifier;
    }
}
