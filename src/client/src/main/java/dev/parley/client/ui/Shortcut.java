package dev.parley.client.ui;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The app's keyboard shortcuts, in the order Settings lists them. The main window registers its accelerators
 * from the window-wide ones, so the list shown and the keys that work come from this one table.
 */
public enum Shortcut {
    JUMP_TO_CONVERSATION("shortcut.jump", true, KeyCode.K, KeyCombination.SHORTCUT_DOWN),
    NEW_MESSAGE("shortcut.newMessage", true, KeyCode.N, KeyCombination.SHORTCUT_DOWN),
    EMOJI("shortcut.emoji", true, KeyCode.E, KeyCombination.SHORTCUT_DOWN),
    FIND_PEOPLE("shortcut.findPeople", true, KeyCode.F, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
    SETTINGS("shortcut.settings", true, KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN),
    FIND_IN_CHAT("shortcut.findInChat", true, KeyCode.F, KeyCombination.SHORTCUT_DOWN),
    SEARCH_MESSAGES("shortcut.searchMessages", true, KeyCode.K, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN),
    NEXT_UNREAD("shortcut.nextUnread", true, KeyCode.DOWN, KeyCombination.ALT_DOWN),
    PREVIOUS_UNREAD("shortcut.previousUnread", true, KeyCode.UP, KeyCombination.ALT_DOWN),
    /** The composer's own keys: listed here, handled by the chat pane. */
    SEND("shortcut.send", false, KeyCode.ENTER),
    NEW_LINE("shortcut.newLine", false, KeyCode.ENTER, KeyCombination.SHIFT_DOWN),
    CLOSE_POPUP("shortcut.close", false, KeyCode.ESCAPE);

    private final String textKey;
    private final boolean windowWide;
    private final KeyCodeCombination keys;

    Shortcut(String textKey, boolean windowWide, KeyCode code, KeyCombination.Modifier... modifiers) {
        this.textKey = textKey;
        this.windowWide = windowWide;
        this.keys = new KeyCodeCombination(code, modifiers);
    }

    /** What it does, for people. */
    public String description() {
        return ViewLoader.text(textKey);
    }

    public KeyCodeCombination keys() {
        return keys;
    }

    /** The keys as this platform writes them (Ctrl+K, or ⌘K on a Mac). */
    public String keysText() {
        // JavaFX writes Enter as a symbol that few people read as a key; spell it as other keys are.
        return keys.getDisplayText().replace("\u21b5", KeyCode.ENTER.getName());
    }

    /** Registered as an accelerator of the main window (the others belong to one control). */
    public boolean windowWide() {
        return windowWide;
    }
}
