package dev.parley.client.ui.emoji;

import dev.parley.client.emoji.EmojiText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.text.Text;

/**
 * Turns text into the nodes of a {@code TextFlow}: runs of {@code Text} and an {@link EmojiView} for each
 * emoji. Until the emoji pictures have loaded, the text stays one plain run.
 */
public final class EmojiRuns {
    private EmojiRuns() {
    }

    /**
     * Nodes for {@code text}, with emoji {@code size} px tall; {@code run} makes the Text of plain runs.
     * {@code inLine}: the emoji share lines with letters and sit on their baseline (false for jumbo emoji).
     */
    public static List<Node> of(String text, double size, boolean inLine, Function<String, Text> run) {
        var images = EmojiImages.ifReady();
        if (images.isEmpty()) {
            return List.of(run.apply(text));
        }
        List<Node> nodes = new ArrayList<>();
        for (EmojiText.Segment segment : EmojiText.of(text, images.get().catalogue()).segments()) {
            nodes.add(segment instanceof EmojiText.Pictograph emoji
                    ? new EmojiView(images.get(), emoji, size, inLine) : run.apply(segment.text()));
        }
        return nodes;
    }

    /**
     * The picture of {@code emoji}, a single emoji (a reaction), {@code size} px tall and standing alone; empty
     * until the pictures have loaded, or when the text is not exactly one emoji the set knows.
     */
    public static Optional<EmojiView> picture(String emoji, double size) {
        return EmojiImages.ifReady().flatMap(images -> {
            List<EmojiText.Segment> segments = EmojiText.of(emoji, images.catalogue()).segments();
            return segments.size() == 1 && segments.get(0) instanceof EmojiText.Pictograph pictograph
                    ? Optional.of(new EmojiView(images, pictograph, size, false)) : Optional.empty();
        });
    }

    /** Whether {@code text} is only one to three emoji, which a bubble shows large; false until loaded. */
    public static boolean jumbo(String text) {
        return EmojiImages.ifReady().map(images -> EmojiText.of(text, images.catalogue()).jumbo()).orElse(false);
    }
}
