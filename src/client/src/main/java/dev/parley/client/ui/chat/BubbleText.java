package dev.parley.client.ui.chat;

import dev.parley.client.store.SearchTerms;
import dev.parley.client.ui.ViewLoader;
import dev.parley.client.ui.chat.MessageText.Link;
import dev.parley.client.ui.emoji.EmojiImages;
import dev.parley.client.ui.emoji.EmojiRuns;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The text of a bubble: plain runs with their emoji drawn as pictures, and links. A link whose text does not
 * plainly show where it goes is followed by its real host, and one that could deceive by a warning icon that
 * explains why.
 */
final class BubbleText extends TextFlow {
    /** Tooltips wrap at this width, so a long address does not make one as wide as the screen. */
    private static final double TOOLTIP_WIDTH = 420;

    /** Emoji in running text: a little taller than the letters, as in other messengers. */
    private static final double EMOJI_SIZE = 20;
    /** Emoji of a message that is only one to three of them. */
    private static final double JUMBO_EMOJI_SIZE = 48;

    private final Consumer<Link> onLink;
    private String shown;
    private double shownSize;
    private boolean shownWithPictures;
    private SearchTerms shownMarks;

    /** {@code onLink} runs when the user clicks a link (or presses Enter or Space on it). */
    BubbleText(Consumer<Link> onLink) {
        this.onLink = onLink;
        getStyleClass().add("bubble-text");
    }

    /**
     * Shows {@code text}; {@code jumbo} draws its emoji large (it is only emoji). A recycled cell showing the
     * same text again keeps its nodes.
     */
    void show(String text, boolean jumbo) {
        show(text, jumbo, null);
    }

    /** Shows {@code text} with the words matching {@code marked} (the find bar's, or null) highlighted. */
    void show(String text, boolean jumbo, SearchTerms marked) {
        double emojiSize = jumbo ? JUMBO_EMOJI_SIZE : EMOJI_SIZE;
        boolean pictures = EmojiImages.ifReady().isPresent();
        if (text.equals(shown) && emojiSize == shownSize && pictures == shownWithPictures
                && java.util.Objects.equals(marked, shownMarks)) {
            return;
        }
        shown = text;
        shownSize = emojiSize;
        shownWithPictures = pictures;
        shownMarks = marked;
        List<Node> nodes = new ArrayList<>();
        for (MessageText.Part part : MessageText.of(text).parts()) {
            if (part instanceof Link link) {
                Tooltip tooltip = tooltip(link);
                nodes.add(link(link, tooltip));
                if (link.showHost()) {
                    nodes.add(run(" "));
                    nodes.add(host(link, tooltip));
                }
            } else {
                nodes.addAll(marked(part.text(), marked, emojiSize, !jumbo));
            }
        }
        getChildren().setAll(nodes);
    }

    /** Plain text with its emoji as pictures, and the words the find bar matches on a highlight. */
    private static List<Node> marked(String text, SearchTerms marked, double emojiSize, boolean inLine) {
        List<SearchTerms.Match> matches = marked == null ? List.of() : marked.find(text);
        if (matches.isEmpty()) {
            return EmojiRuns.of(text, emojiSize, inLine, BubbleText::run);
        }
        List<Node> nodes = new ArrayList<>();
        int at = 0;
        for (SearchTerms.Match match : matches) {
            if (match.start() > at) {
                nodes.addAll(EmojiRuns.of(text.substring(at, match.start()), emojiSize, inLine, BubbleText::run));
            }
            Label word = new Label(text.substring(match.start(), match.end()));
            word.getStyleClass().add("find-match");
            nodes.add(word);
            at = match.end();
        }
        if (at < text.length()) {
            nodes.addAll(EmojiRuns.of(text.substring(at), emojiSize, inLine, BubbleText::run));
        }
        return nodes;
    }

    private static Text run(String text) {
        Text run = new Text(text);
        run.getStyleClass().add("bubble-run");
        return run;
    }

    private Hyperlink link(Link link, Tooltip tooltip) {
        Hyperlink node = new Hyperlink(link.text());
        node.getStyleClass().add("bubble-link");
        // A long address wraps inside the bubble instead of widening it.
        node.setWrapText(true);
        node.maxWidthProperty().bind(maxWidthProperty());
        node.setTooltip(tooltip);
        node.setAccessibleText(link.suspicious()
                ? ViewLoader.text("link.accessible.warning", link.text(), link.host(), LinkWarnings.describe(link))
                : ViewLoader.text("link.accessible", link.text(), link.host()));
        node.setOnAction(event -> onLink.accept(link));
        return node;
    }

    /** The real host, small and muted; for a suspicious link with a warning icon, on a warning tint. */
    private Label host(Link link, Tooltip tooltip) {
        Label host = new Label(link.host());
        host.getStyleClass().add("bubble-link-host");
        host.setWrapText(true);
        host.maxWidthProperty().bind(maxWidthProperty());
        host.setTooltip(tooltip);
        if (link.suspicious()) {
            FontIcon icon = new FontIcon("fth-alert-triangle");
            icon.getStyleClass().add("bubble-link-warning");
            host.setGraphic(icon);
            host.getStyleClass().add("suspicious");
            host.setAccessibleText(ViewLoader.text("link.host.accessible.warning", link.host(),
                    LinkWarnings.describe(link)));
        } else {
            host.setAccessibleText(ViewLoader.text("link.host.accessible", link.host()));
        }
        return host;
    }

    private static Tooltip tooltip(Link link) {
        String opens = ViewLoader.text("link.opens", link.address().toString());
        Tooltip tooltip = new Tooltip(link.suspicious() ? LinkWarnings.describe(link) + "\n" + opens : opens);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(TOOLTIP_WIDTH);
        return tooltip;
    }
}
