package dev.parley.client.ui.emoji;

import dev.parley.client.emoji.EmojiMemory;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import javafx.scene.Node;
import javafx.scene.control.TextInputControl;

/**
 * Emoji for a composer: the picker behind its emoji button and Ctrl+E, and ":smi" completions as one types. Both
 * insert at the caret and remember the account's recent emoji and skin tone.
 */
public final class ComposerEmoji {
    private final CompletableFuture<EmojiMemory> memory;
    private final EmojiPicker picker;
    private TextInputControl composer;
    private Node button;

    /** {@code accountDir}: where this account's recent emoji and skin tone are kept. */
    public ComposerEmoji(Path accountDir) {
        this.memory = EmojiMemory.loadLater(accountDir);
        this.picker = new EmojiPicker(memory);
        // Start decoding the sprite sheet now, so the first message with an emoji need not wait for it.
        EmojiImages.shared();
    }

    /** Serves {@code composer}: completions as it is typed in, the picker above {@code button}. */
    public void install(TextInputControl composer, Node button) {
        this.composer = composer;
        this.button = button;
        new EmojiCompletion(composer, memory);
    }

    /** Opens the picker above the composer's bar (the button's row), or closes it when it is open. */
    public void togglePicker() {
        picker.toggle(button.getParent() != null ? button.getParent() : button, this::insert, composer::requestFocus);
    }

    private void insert(String text) {
        composer.replaceSelection(text);
    }
}
