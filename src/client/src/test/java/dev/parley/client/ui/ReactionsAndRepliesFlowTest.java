package dev.parley.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.store.StoredMessage;
import dev.parley.client.testing.AppTest;
import dev.parley.client.testing.AliceAndBobTest;
import dev.parley.protocol.Reaction;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import dev.parley.client.ui.emoji.EmojiView;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** Reacting to a message and replying to it, as the person at the screen does it. */
class ReactionsAndRepliesFlowTest extends AliceAndBobTest {
    private static final Path SHOTS = Path.of("target", "screenshots");

    @Test
    void aQuickReactionShowsOnTheBubbleAndReachesTheOtherPerson() throws Exception {
        aliceChatsWithBob("Which day works for the shoot?");
        waitUntil(() -> screen.showsBubble("Which day works for the shoot?"));

        screen.openMessageMenu("Which day works for the shoot?");
        clickOn(quickReaction("❤️"));

        waitUntil(() -> chipTexts().equals(List.of("❤️ 1")));
        long seq = bob.history(conversation).get(0).seq();
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> reactionsBobSees(seq)
                .equals(List.of(new Reaction("❤️", List.of("alice")))));

        bobSession.react(conversation, seq, "👍").get(10, TimeUnit.SECONDS);
        waitUntil(() -> chipTexts().equals(List.of("❤️ 1", "👍 1")));
        snapshot(SHOTS.resolve("reactions.png"));

        clickOn(chip("❤️ 1"));
        waitUntil(() -> chipTexts().equals(List.of("👍 1")));
    }

    @Test
    void reactionChipsAndQuickReactionsShowEmojiPicturesWithWhoReactedInTheTooltip() throws Exception {
        aliceChatsWithBob("The proofs are ready");
        waitUntil(() -> screen.showsBubble("The proofs are ready"));
        long seq = bob.history(conversation).get(0).seq();
        bobSession.react(conversation, seq, "😂").get(10, TimeUnit.SECONDS);
        waitUntil(() -> chipTexts().equals(List.of("😂 1")));

        Button chip = onFx(() -> lookup(".reaction-chip").match(Node::isVisible).queryButton());
        assertThat(onFx(chip::getGraphic)).isInstanceOf(ImageView.class);
        assertThat(onFx(() -> ((ImageView) chip.getGraphic()).getImage())).isNotNull();
        assertThat(onFx(chip::getText)).isEqualTo("1");
        assertThat(onFx(() -> chip.getTooltip().getText())).isEqualTo("@bob");

        screen.openMessageMenu("The proofs are ready");
        waitUntil(() -> lookup(".quick-reaction").match(Node::isVisible).queryAll().size() == 6);
        List<Button> quick = onFx(() -> lookup(".quick-reaction").match(Node::isVisible).queryAllAs(Button.class)
                .stream().toList());
        for (Button button : quick) {
            assertThat(onFx(button::getGraphic)).isInstanceOf(ImageView.class);
            assertThat(onFx(button::getAccessibleText)).startsWith("React with ");
            assertThat(onFx(() -> button.getTooltip().getText())).isEqualTo(onFx(button::getAccessibleText));
        }
        snapshot(quick.get(0).getScene(), SHOTS.resolve("quick-reactions.png"));
        type(KeyCode.ESCAPE);
        waitUntil(() -> lookup(".quick-reaction").match(Node::isVisible).tryQuery().isEmpty());
        snapshot(SHOTS.resolve("reaction-chips.png"));
    }

    @Test
    void aReplyQuotesTheMessageAndClickingTheQuoteFindsIt() throws Exception {
        aliceChatsWithBob("Which day works for the shoot?");
        waitUntil(() -> screen.showsBubble("Which day works for the shoot?"));

        screen.openMessageMenu("Which day works for the shoot?");
        clickOn(menuItem("Reply"));
        waitUntil(() -> showing("#replyStrip"));
        assertThat(textOf(".reply-strip-title")).isEqualTo("Replying to Bob Marsh");
        assertThat(textOf(".reply-strip-text")).isEqualTo("Which day works for the shoot?");
        snapshot(SHOTS.resolve("reply-strip.png"));
        clickOn("#composer").write("Friday morning").type(KeyCode.ENTER);

        waitUntil(() -> !showing("#replyStrip") && screen.showsBubble("Friday morning"));
        long question = bob.history(conversation).get(0).seq();
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> bobSees.stream()
                .anyMatch(m -> m.text().equals("Friday morning") && Long.valueOf(question).equals(m.replyTo())));
        waitUntil(() -> lookup(".bubble-quote").match(Node::isVisible).tryQuery().isPresent());
        assertThat(visibleText(".bubble-quote-author")).isEqualTo("Bob Marsh");
        assertThat(visibleText(".bubble-quote-text")).isEqualTo("Which day works for the shoot?");
        snapshot(SHOTS.resolve("reply-bubble.png"));

        clickOn(lookup(".bubble-quote").match(Node::isVisible).queryAs(Node.class));
        waitUntil(() -> onFx(() -> {
            var list = lookup(".message-list").queryListView();
            Object selected = list.getSelectionModel().getSelectedItem();
            return selected instanceof dev.parley.client.ui.chat.ChatRow.Bubble bubble
                    && bubble.message().text().equals("Which day works for the shoot?");
        }));
    }

    @Test
    void pinnedMessagesShowAboveTheChatForBothPeople() throws Exception {
        aliceChatsWithBob("The studio is at 12 Rua Augusta");
        waitUntil(() -> screen.showsBubble("The studio is at 12 Rua Augusta"));

        screen.openMessageMenu("The studio is at 12 Rua Augusta");
        clickOn(menuItem("Pin"));

        waitUntil(() -> showing("#pinnedBar"));
        assertThat(textOf(".pinned-bar-title")).isEqualTo("Pinned message");
        assertThat(textOf(".pinned-bar-text")).isEqualTo("The studio is at 12 Rua Augusta");
        long address = bob.history(conversation).get(0).seq();
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> bobSession.inbox().find(conversation)
                .map(item -> item.pinnedProperty().get().equals(List.of(address))).orElse(false));

        long time = bob.send(conversation, "Saturday 10:00").seq();
        bobSession.pin(conversation, time, true).get(10, TimeUnit.SECONDS);
        waitUntil(() -> "Pinned message 2 of 2".equals(textOf(".pinned-bar-title")));
        assertThat(textOf(".pinned-bar-text")).isEqualTo("Saturday 10:00");
        snapshot(SHOTS.resolve("pinned-bar.png"));
        clickOn("#pinnedBar");
        waitUntil(() -> "Pinned message 1 of 2".equals(textOf(".pinned-bar-title")));

        screen.openMessageMenu("Saturday 10:00");
        clickOn(menuItem("Unpin"));
        waitUntil(() -> "Pinned message".equals(textOf(".pinned-bar-title")));
    }

    @Test
    void aSharedProfileArrivesAsACardWithFollowAndMessage() throws Exception {
        aliceChatsWithBob("Know any good photographers?");
        dev.parley.client.testing.Peer maya = dev.parley.client.testing.Peer.register(server.uri(), "maya",
                "Maya Lopes");
        try {
            clickOn("#chatMenu");
            clickOn("Share a profile…");
            interact(() -> lookup("#peopleSearchField").queryAs(javafx.scene.control.TextField.class).setText("maya"));
            waitUntil(() -> lookup(".person-name").match(node -> node.isVisible()
                    && "Maya Lopes".equals(((Labeled) node).getText())).tryQuery().isPresent());
            doubleClickOn(lookup(".person-name").match(node -> "Maya Lopes".equals(((Labeled) node).getText()))
                    .queryLabeled(), javafx.scene.input.MouseButton.PRIMARY);

            waitUntil(() -> "Maya Lopes".equals(visibleText(".bubble-card-name")));
            assertThat(visibleText(".bubble-card-handle")).isEqualTo("@maya");
            org.awaitility.Awaitility.await().atMost(WAIT).until(() -> bobSees.stream()
                    .anyMatch(m -> m.card() != null && m.card().handle().equals("maya")));
            snapshot(SHOTS.resolve("profile-card-message.png"));

            clickOn(lookup(".bubble-card-follow").match(AppTest::showsWithParents).queryAs(Node.class));
            waitUntil(() -> "Following".equals(visibleText(".bubble-card-follow")));
            clickOn(lookup(".bubble-card-message").match(AppTest::showsWithParents).queryAs(Node.class));
            waitUntil(() -> screen.conversationNames().contains("Maya Lopes"));
        } finally {
            maya.close();
        }
    }

    private List<Reaction> reactionsBobSees(long seq) throws Exception {
        return bobSession.loadMessages(conversation, null, 20).get(10, TimeUnit.SECONDS).stream()
                .filter(m -> m.seq() == seq).findFirst().map(StoredMessage::reactions).orElse(List.of());
    }

    private List<String> chipTexts() throws Exception {
        return onFx(() -> lookup(".reaction-chip").queryAll().stream().filter(Node::isVisible)
                .map(node -> shows((Labeled) node)).toList());
    }

    /** What a chip or quick reaction shows: its emoji (a picture once the set has loaded) and its text. */
    private static String shows(Labeled labeled) {
        String text = labeled.getText() == null ? "" : labeled.getText();
        return labeled.getGraphic() instanceof EmojiView emoji ? (emoji.text() + " " + text).strip() : text;
    }

    private Node chip(String text) {
        return lookup(".reaction-chip").match(node -> text.equals(shows((Labeled) node))).query();
    }

    private Node quickReaction(String emoji) {
        waitUntil(() -> lookup(".quick-reaction").match(node -> node.isVisible()
                && emoji.equals(shows((Labeled) node))).tryQuery().isPresent());
        return lookup(".quick-reaction").match(node -> emoji.equals(shows((Labeled) node))).query();
    }

    private Node menuItem(String text) {
        waitUntil(() -> lookup(".context-menu .menu-item .label").match(node -> node.isVisible()
                && text.equals(((Labeled) node).getText())).tryQuery().isPresent());
        return lookup(".context-menu .menu-item .label").match(node -> node.isVisible()
                && text.equals(((Labeled) node).getText())).query();
    }
}
