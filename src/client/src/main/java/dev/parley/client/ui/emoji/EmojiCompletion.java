package dev.parley.client.ui.emoji;

import dev.parley.client.emoji.Emoji;
import dev.parley.client.emoji.EmojiMemory;
import dev.parley.client.emoji.SkinTone;
import dev.parley.client.ui.ViewLoader;
import dev.parley.client.ui.common.InlineCompletion;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.ImageView;

/**
 * Inline emoji completion: typing a colon and two or more letters of a short name (":smi") offers matching emoji
 * in a small list above the field. Up and Down choose, Tab or Enter inserts in place of what was typed, Esc
 * dismisses; typing on narrows the list.
 */
public final class EmojiCompletion implements InlineCompletion.Source<Emoji> {
    /** A colon at the start or after a space, then at least two short-name characters, right before the caret. */
    private static final Pattern TYPED = Pattern.compile("(?:^|(?<=\\s)):([a-z0-9_+\\-]{2,})$",
            Pattern.CASE_INSENSITIVE);
    private static final int MOST = 6;
    private static final double EMOJI = 20;

    private final TextInputControl field;
    private final CompletableFuture<EmojiMemory> memory;
    private final InlineCompletion<Emoji> completion;
    private String prefix = "";

    /** What was typed: where its colon is, and the letters after it. */
    record Typed(int from, String prefix) {
    }

    EmojiCompletion(TextInputControl field, CompletableFuture<EmojiMemory> memory) {
        this.field = field;
        this.memory = memory;
        this.completion = new InlineCompletion<>(field, this, "emoji-completions", "emoji-completions",
                ViewLoader.stylesheet("emoji/emoji.css"), ViewLoader.text("emoji.completions"));
    }

    /** The short name being typed before {@code caret}, if any. */
    static Optional<Typed> typedBefore(String text, int caret) {
        if (text == null || caret < 0 || caret > text.length()) {
            return Optional.empty();
        }
        Matcher matcher = TYPED.matcher(text.substring(0, caret));
        return matcher.find() ? Optional.of(new Typed(matcher.start(), matcher.group(1))) : Optional.empty();
    }

    public boolean isShowing() {
        return completion.isShowing();
    }

    @Override
    public Optional<InlineCompletion.Offer<Emoji>> offer(String text, int caret) {
        Optional<Typed> typed = typedBefore(text, caret);
        Optional<EmojiImages> images = EmojiImages.ifReady();
        if (typed.isEmpty() || images.isEmpty()) {
            return Optional.empty();
        }
        prefix = typed.get().prefix().toLowerCase(java.util.Locale.ROOT);
        List<Emoji> found = images.get().catalogue().completions(typed.get().prefix());
        return Optional.of(new InlineCompletion.Offer<>(typed.get().from(),
                found.subList(0, Math.min(MOST, found.size()))));
    }

    @Override
    public Label row(Emoji emoji) {
        String shortName = emoji.shortNames().stream().filter(name -> name.startsWith(prefix)).findFirst()
                .orElse(emoji.shortName());
        ImageView picture = new ImageView(EmojiImages.ifReady().orElseThrow().image(emoji.in(tone()), EMOJI));
        picture.setFitWidth(EMOJI);
        picture.setFitHeight(EMOJI);
        picture.setSmooth(true);
        Label row = new Label(":" + shortName + ":", picture);
        row.getStyleClass().add("emoji-completion");
        row.setAccessibleText(ViewLoader.text("emoji.completion.accessible", emoji.displayName(), shortName));
        return row;
    }

    /** Replaces the typed ":smi" with the chosen emoji, in the person's skin tone. */
    @Override
    public void accept(Emoji emoji, int from, int caret) {
        field.selectRange(from, caret);
        field.replaceSelection(emoji.in(tone()).text());
        memory.thenAccept(remembered -> remembered.used(emoji));
    }

    private SkinTone tone() {
        return memory.isDone() && !memory.isCompletedExceptionally() ? memory.join().tone() : SkinTone.NONE;
    }
}
