package dev.parley.client.ui.emoji;

import dev.parley.client.emoji.EmojiMemory;
import dev.parley.client.stickers.PickedSticker;
import dev.parley.client.stickers.StickerLibrary;
import dev.parley.client.stickers.StickerMemory;
import dev.parley.client.ui.stickers.StickerPackChooser;
import dev.parley.client.ui.stickers.StickerPickerViewModel;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.TextInputControl;

/**
 * Emoji and stickers for a composer: the picker behind its emoji button and Ctrl+E, and ":smi" completions as one
 * types. Emoji insert at the caret and remember the account's recent emoji and skin tone; a sticker is sent at once.
 */
public final class ComposerEmoji {
    /** Reads sticker packs and images and imports packs, off the FX thread. */
    private static final ExecutorService STICKERS = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "parley-stickers");
        thread.setDaemon(true);
        return thread;
    });

    private final CompletableFuture<EmojiMemory> memory;
    private final CompletableFuture<StickerLibrary> stickers;
    private final EmojiPicker picker;
    private TextInputControl composer;
    private Node button;

    /** {@code accountDir}: where this account's recent emoji and skin tone are kept. */
    public ComposerEmoji(Path accountDir) {
        this(accountDir, StickerPackChooser.fileChooser());
    }

    /**
     * {@code accountDir}: where this account's recent emoji and stickers, skin tone and imported sticker packs are
     * kept; {@code packChooser} asks for a sticker pack to import.
     */
    public ComposerEmoji(Path accountDir, StickerPackChooser packChooser) {
        this.memory = EmojiMemory.loadLater(accountDir);
        this.stickers = CompletableFuture.supplyAsync(() -> StickerLibrary.load(accountDir), STICKERS);
        CompletableFuture<StickerPickerViewModel> stickerModel = stickers.thenCombineAsync(
                CompletableFuture.supplyAsync(() -> StickerMemory.load(accountDir), STICKERS),
                (library, recent) -> new StickerPickerViewModel(library, recent, accountDir, STICKERS),
                Platform::runLater);
        this.picker = new EmojiPicker(memory, stickerModel, packChooser);
        // Decode the sprite sheet soon, but not before the first frame (see EmojiImages).
        EmojiImages.loadSoon();
    }

    /** The account's sticker packs, loading in the background (the chat draws stickers from them). */
    public CompletableFuture<StickerLibrary> stickers() {
        return stickers;
    }

    /** Serves {@code composer}: completions as it is typed in, the picker above {@code button}. */
    public void install(TextInputControl composer, Node button) {
        this.composer = composer;
        this.button = button;
        new EmojiCompletion(composer, memory);
    }

    /** Where stickers picked in the picker go (on the FX thread): the chat sends them. */
    public void onSticker(Consumer<PickedSticker> send) {
        picker.setOnSticker(send);
    }

    /** Where stickers the person chose to schedule go (on the FX thread). */
    public void onScheduleSticker(Consumer<PickedSticker> schedule) {
        picker.setOnScheduleSticker(schedule);
    }

    /** Opens the picker above the composer's bar (the button's row), or closes it when it is open. */
    public void togglePicker() {
        picker.toggle(button.getParent() != null ? button.getParent() : button, this::insert, composer::requestFocus);
    }

    /** The picker itself (tests switch its tab). */
    public EmojiPicker picker() {
        return picker;
    }

    private void insert(String text) {
        composer.replaceSelection(text);
    }
}
