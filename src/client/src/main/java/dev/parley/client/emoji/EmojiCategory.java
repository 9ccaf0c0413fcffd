package dev.parley.client.emoji;

import java.util.Arrays;
import java.util.Optional;

/**
 * The picker's categories, in the order its tabs show them, with the catalogue's name for each and the short
 * name of the emoji that stands for it on its tab.
 */
public enum EmojiCategory {
    SMILEYS("Smileys & Emotion", "grinning"),
    PEOPLE("People & Body", "wave"),
    ANIMALS("Animals & Nature", "dog"),
    FOOD("Food & Drink", "hamburger"),
    TRAVEL("Travel & Places", "car"),
    ACTIVITIES("Activities", "soccer"),
    OBJECTS("Objects", "bulb"),
    SYMBOLS("Symbols", "heart"),
    FLAGS("Flags", "checkered_flag"),
    /** Skin-tone swatches and the like: drawn in messages, never offered in the picker. */
    COMPONENT("Component", "skin-tone-2");

    private final String catalogueName;
    private final String iconShortName;

    EmojiCategory(String catalogueName, String iconShortName) {
        this.catalogueName = catalogueName;
        this.iconShortName = iconShortName;
    }

    public String iconShortName() {
        return iconShortName;
    }

    /** Whether the picker offers emoji of this category. */
    public boolean listed() {
        return this != COMPONENT;
    }

    static Optional<EmojiCategory> of(String catalogueName) {
        return Arrays.stream(values()).filter(c -> c.catalogueName.equals(catalogueName)).findFirst();
    }
}
