package dev.parley.client.ui.chat;

import dev.parley.client.model.MessageItem;
import dev.parley.client.ui.ViewLoader;
import dev.parley.client.ui.emoji.EmojiRuns;
import dev.parley.protocol.Reaction;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;

/**
 * The reactions under a bubble: one chip per emoji with its count, who reacted in the tooltip, the user's own
 * highlighted; a click on a chip reacts with that emoji, or takes the user's reaction back.
 */
final class BubbleReactions extends FlowPane {
    /** The emoji of a chip: a little taller than its count. */
    private static final double EMOJI_SIZE = 16;
    private final ChatViewModel model;

    BubbleReactions(ChatViewModel model) {
        super(4, 4);
        this.model = model;
        getStyleClass().add("bubble-reactions");
    }

    void show(MessageItem message) {
        List<Reaction> reactions = message == null || message.unsentProperty().get() ? List.of()
                : message.reactionsProperty().get();
        setVisible(!reactions.isEmpty());
        setManaged(!reactions.isEmpty());
        String mine = message == null ? null : model.myReaction(message);
        getChildren().setAll(reactions.stream().map(reaction -> chip(message, reaction, reaction.emoji().equals(mine)))
                .toList());
    }

    private Button chip(MessageItem message, Reaction reaction, boolean mine) {
        String count = model.formats().number(reaction.handles().size());
        Button chip = new Button(count);
        // The emoji as a picture from the shared sheet (Linux draws emoji text in monochrome or as boxes);
        // as text only until the pictures have loaded, when the list redraws.
        EmojiRuns.picture(reaction.emoji(), EMOJI_SIZE).ifPresentOrElse(chip::setGraphic,
                () -> chip.setText(reaction.emoji() + " " + count));
        chip.getStyleClass().add("reaction-chip");
        if (mine) {
            chip.getStyleClass().add("mine");
        }
        String who = String.join(", ", reaction.handles().stream().map(handle -> "@" + handle).toList());
        String spoken = ViewLoader.text("reaction.accessible", reaction.emoji(), who);
        chip.setAccessibleText(spoken);
        chip.setTooltip(new Tooltip(who));
        chip.setFocusTraversable(false);
        chip.setOnAction(event -> model.toggleReaction(message, reaction.emoji()));
        return chip;
    }
}
