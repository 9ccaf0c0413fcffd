package dev.parley.client.ui.emoji;

import dev.parley.client.emoji.EmojiText.Pictograph;
import javafx.scene.AccessibleRole;
import javafx.scene.image.ImageView;

/** One emoji drawn in running text: its picture, the characters it stands for, and its name for screen readers. */
public final class EmojiView extends ImageView {
    /** How far below the baseline an emoji reaches, as a share of its size, so it sits on the line like a letter. */
    private static final double DESCENT = 0.2;

    private final String text;

    /** {@code besideText}: the emoji shares its line with letters, so it sits on their baseline. */
    EmojiView(EmojiImages images, Pictograph emoji, double size, boolean besideText) {
        super(images.image(emoji.glyph(), size));
        this.text = emoji.text();
        setFitWidth(size);
        setFitHeight(size);
        setSmooth(true);
        setPreserveRatio(true);
        setTranslateY(besideText ? Math.round(size * DESCENT) : 0);
        getStyleClass().add("emoji");
        setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        setAccessibleText(emoji.emoji().displayName());
    }

    /** The characters of the message this emoji stands for. */
    public String text() {
        return text;
    }
}
