package dev.parley.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.testing.AppTest;
import dev.parley.client.testing.ChatScreen;
import dev.parley.client.testing.Peer;
import dev.parley.client.ui.emoji.EmojiView;
import dev.parley.client.ui.emoji.PickerRow;
import dev.parley.protocol.Message;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.text.TextFlow;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** Emoji in the chat as a person uses them: the picker, its search and skin tones, ":thu" completions, big emoji. */
class EmojiFlowTest extends AppTest {
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final String THUMBS_UP = "\uD83D\uDC4D";
    private static final String THUMBS_UP_MEDIUM = "\uD83D\uDC4D\uD83C\uDFFD";
    private static final String THUMBS_DOWN = "\uD83D\uDC4E";
    private static final PseudoClass JUMBO = PseudoClass.getPseudoClass("jumbo");

    private final ChatScreen screen = new ChatScreen(this);
    private Peer alice;
    private Peer bob;
    private long conversation;

    @BeforeEach
    void aliceAndBob() {
        startServer();
        alice = Peer.register(server.uri(), "alice", "Alice Liddell");
        bob = Peer.register(server.uri(), "bob", "Bob Marsh");
        Peer.befriend(alice, bob);
        conversation = bob.open("alice");
        bob.send(conversation, "How did the glaze firing go? \uD83D\uDD25");
    }

    @AfterEach
    void leave() {
        List.of(alice, bob).forEach(Peer::close);
    }

    private void openChatWithBob() throws Exception {
        launch(sessionOf(alice, "Alice Liddell"));
        waitUntil(() -> screen.conversationNames().contains("Bob Marsh"));
        screen.open("Bob Marsh");
    }

    private String composerText() throws Exception {
        return onFx(() -> lookup("#composer").queryAs(TextInputControl.class).getText());
    }

    private boolean pickerShowing() {
        return lookup(".emoji-search").tryQuery().map(node -> node.getScene() != null && node.getScene().getWindow()
                != null && node.getScene().getWindow().isShowing()).orElse(false);
    }

    private Node emojiSlot(String shortName) {
        return lookup(".emoji-slot").match(node -> ("emoji-" + shortName).equals(node.getId())
                && node.getParent() != null && node.isVisible()).query();
    }

    private String selectedName() throws Exception {
        return onFx(() -> lookup(".emoji-preview-short-name").queryAs(Label.class).getText());
    }

    /** The visible bubble whose emoji pictures stand for {@code text}, if one is drawn. */
    private java.util.Optional<TextFlow> bubbleDrawing(String text) {
        return lookup(".bubble-text").match(node -> node.isVisible() && text.equals(ChatScreen.shownText(node)))
                .tryQuery().map(TextFlow.class::cast);
    }

    @Test
    void pickerSearchAndSkinToneSendAThumbsUpBothSidesSee() throws Exception {
        openChatWithBob();

        clickOn("#emojiButton");
        waitUntil(this::pickerShowing);
        write("thumbs");
        waitUntil(() -> ":+1:".equals(lookup(".emoji-preview-short-name").queryAs(Label.class).getText()));
        assertThat(onFx(() -> lookup(".emoji-categories .toggle-button").queryAll().stream()
                .noneMatch(button -> ((javafx.scene.control.ToggleButton) button).isSelected())))
                .as("search results are in no category").isTrue();
        clickOn(".emoji-tone-button");
        clickOn("Medium");
        waitUntil(() -> lookup(".emoji-tone-button").queryAs(Labeled.class).getAccessibleText().endsWith("Medium"));
        clickOn(emojiSlot("+1"));
        waitUntil(() -> THUMBS_UP_MEDIUM.equals(lookup("#composer").queryAs(TextInputControl.class).getText()));
        shootPopupOverWindow(".emoji-picker", SHOTS.resolve("emoji-picker-search.png"));
        type(KeyCode.ESCAPE);
        waitUntil(() -> !pickerShowing());
        type(KeyCode.ENTER);

        waitUntil(() -> bubbleDrawing(THUMBS_UP_MEDIUM).isPresent());
        assertThat(bob.history(conversation)).extracting(Message::text).last().isEqualTo(THUMBS_UP_MEDIUM);
        onFx(() -> {
            TextFlow bubble = bubbleDrawing(THUMBS_UP_MEDIUM).orElseThrow();
            assertThat(bubble.getChildren()).singleElement().isInstanceOfSatisfying(EmojiView.class, emoji -> {
                assertThat(emoji.text()).isEqualTo(THUMBS_UP_MEDIUM);
                assertThat(emoji.getImage()).isNotNull();
                assertThat(emoji.getFitHeight()).as("alone, it is drawn large").isGreaterThanOrEqualTo(40);
            });
            Node cell = bubble.getParent();
            while (!cell.getStyleClass().contains("message-cell")) {
                cell = cell.getParent();
            }
            assertThat(cell.getPseudoClassStates()).contains(JUMBO);
            return null;
        });
        waitUntil(() -> lookup(".conversation-preview").match(node -> node instanceof Labeled label
                && THUMBS_UP_MEDIUM.equals(label.getText()) && label.getGraphic() != null
                && !label.getGraphic().lookupAll(".emoji").isEmpty()).tryQuery().isPresent());
    }

    @Test
    void theOtherPersonsEmojiArePicturesInTheirBubbleAndThePreview() throws Exception {
        openChatWithBob();

        waitUntil(() -> bubbleDrawing("How did the glaze firing go? \uD83D\uDD25").isPresent());
        onFx(() -> {
            TextFlow bubble = bubbleDrawing("How did the glaze firing go? \uD83D\uDD25").orElseThrow();
            assertThat(bubble.getChildren()).hasSize(2);
            assertThat(bubble.getChildren().get(1)).isInstanceOf(EmojiView.class);
            assertThat(bubble.getChildren().get(1).getAccessibleText()).isEqualTo("Fire");
            return null;
        });
        clickOn("#composer").write("Perfect, look at these").type(KeyCode.ENTER);
        bob.send(conversation, "\uD83D\uDE0D\uD83D\uDE0D\uD83D\uDE0D");
        waitUntil(() -> bubbleDrawing("\uD83D\uDE0D\uD83D\uDE0D\uD83D\uDE0D").isPresent());
        snapshot(SHOTS.resolve("emoji-chat.png"));
    }

    @Test
    void ctrlEOpensThePickerAndArrowKeysChooseWhatEnterInserts() throws Exception {
        openChatWithBob();
        clickOn("#composer").write("Not great ");

        press(KeyCode.CONTROL).press(KeyCode.E).release(KeyCode.E).release(KeyCode.CONTROL);
        waitUntil(this::pickerShowing);
        write("thumbs");
        waitUntil(() -> ":+1:".equals(selectedName()));
        type(KeyCode.RIGHT);
        waitUntil(() -> ":-1:".equals(selectedName()));
        type(KeyCode.ENTER);

        waitUntil(() -> !pickerShowing());
        assertThat(composerText()).isEqualTo("Not great " + THUMBS_DOWN);
        assertThat(bob.history(conversation)).hasSize(1);
    }

    @Test
    void categoryButtonsJumpToTheirEmojiAndRecentOnesComeFirstNextTime() throws Exception {
        openChatWithBob();
        clickOn("#emojiButton");
        waitUntil(this::pickerShowing);

        clickOn("#emoji-category-food");
        waitUntil(() -> ":grapes:".equals(selectedName()));
        type(KeyCode.DOWN);
        type(KeyCode.ENTER);
        waitUntil(() -> !pickerShowing());
        String picked = composerText();
        assertThat(picked).isNotEmpty();

        clickOn("#emojiButton");
        waitUntil(this::pickerShowing);
        shootPopupOverWindow(".emoji-picker", SHOTS.resolve("emoji-picker.png"));
        assertThat(onFx(() -> ((PickerRow.Heading) lookup(".emoji-grid").queryListView().getItems().get(0)).title()))
                .isEqualTo("Recently used");
        type(KeyCode.ENTER);
        waitUntil(() -> composerText().equals(picked + picked));
    }

    @Test
    void typingColonThuOffersThumbsUpAndEnterAcceptsIt() throws Exception {
        openChatWithBob();

        clickOn("#composer").write("Nice :thu");
        waitUntil(() -> showing("#emoji-completions"));
        assertThat(onFx(() -> lookup(".emoji-completion").queryAs(Label.class).getText())).isEqualTo(":thumbsup:");
        shootPopupOverWindow(".emoji-completions", SHOTS.resolve("emoji-completions.png"));
        type(KeyCode.ENTER);

        waitUntil(() -> !showing("#emoji-completions"));
        assertThat(composerText()).isEqualTo("Nice " + THUMBS_UP);
        assertThat(bob.history(conversation)).as("Enter took the completion, it did not send").hasSize(1);
    }

    @Test
    void escDismissesTheCompletionsAndLeavesTheText() throws Exception {
        openChatWithBob();

        clickOn("#composer").write("see :smi");
        waitUntil(() -> showing("#emoji-completions"));
        type(KeyCode.ESCAPE);

        waitUntil(() -> !showing("#emoji-completions"));
        assertThat(composerText()).isEqualTo("see :smi");
        type(KeyCode.TAB);
        assertThat(composerText()).doesNotContain("\uD83D");
    }

    /** The window with a popup drawn where it is on screen (a scene snapshot shows one window only). */
    private void shootPopupOverWindow(String popupQuery, Path file) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        BufferedImage shot = onFx(() -> {
            BufferedImage window = SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null);
            Node picker = lookup(popupQuery).query();
            javafx.scene.SnapshotParameters transparent = new javafx.scene.SnapshotParameters();
            transparent.setFill(javafx.scene.paint.Color.TRANSPARENT);
            BufferedImage drawn = SwingFXUtils.fromFXImage(picker.snapshot(transparent, null), null);
            javafx.geometry.Bounds at = picker.localToScreen(picker.getLayoutBounds());
            Graphics2D g = window.createGraphics();
            g.drawImage(drawn, (int) (at.getMinX() - stage.getX() - stage.getScene().getX()),
                    (int) (at.getMinY() - stage.getY() - stage.getScene().getY()), null);
            g.dispose();
            return window;
        });
        Files.createDirectories(file.getParent());
        ImageIO.write(shot, "png", file.toFile());
    }
}
