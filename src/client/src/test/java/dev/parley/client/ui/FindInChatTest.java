package dev.parley.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.testing.AppTest;
import dev.parley.client.testing.ChatScreen;
import dev.parley.client.testing.Peer;
import dev.parley.client.ui.chat.ChatRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Ctrl+F finds words in the open chat's history, even in messages the chat has not loaded yet. */
class FindInChatTest extends AppTest {
    private static final Path SHOTS = Path.of("target", "screenshots");
    private final ChatScreen screen = new ChatScreen(this);
    private Peer alice;
    private Peer bob;

    @AfterEach
    void closePeople() {
        if (bob != null) {
            bob.close();
        }
        if (alice != null) {
            alice.close();
        }
    }

    @Test
    void ctrlFFindsAWordInAnOlderMessageNotYetLoadedAndStepsThroughMatches() throws Exception {
        startServer();
        alice = Peer.register(server.uri(), "alice", "Alice Liddell");
        bob = Peer.register(server.uri(), "bob", "Bob Marsh");
        Peer.befriend(alice, bob);
        long conversation = bob.open("alice");
        // 90 messages: all are cached, the chat loads the newest 60; two of the three matches are older.
        List<String> texts = new ArrayList<>();
        for (int i = 1; i <= 90; i++) {
            texts.add(switch (i) {
                case 5 -> "The Lighthouse shoot is on Friday";
                case 20 -> "Bring the lighthouse permit, please";
                case 85 -> "Photos from the lighthouses are up";
                default -> "Planning note " + i;
            });
        }
        bob.sendMany(conversation, texts);
        launch(sessionOf(alice, "Alice Liddell"));
        screen.open("Bob Marsh");
        waitUntil(() -> screen.showsBubble("Planning note 90"));
        assertThat(onFx(() -> screen.showsBubble("Bring the lighthouse permit, please"))).isFalse();

        press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        waitUntil(() -> showing("#findBar") && lookup("#findField").query().isFocused());
        write("lightho");

        waitUntilEquals(() -> lookup("#findField").queryAs(javafx.scene.control.TextField.class).getText(), "lightho");
        waitUntilEquals(() -> textOf("#findCount"), "1 of 3");
        waitUntil(() -> shownAndSelected("Photos from the lighthouses are up"));
        assertThat(onFx(() -> marks("Photos from the lighthouses are up"))).containsExactly("lighthouses");

        type(KeyCode.ENTER);
        waitUntilEquals(() -> textOf("#findCount"), "2 of 3");
        waitUntil(() -> shownAndSelected("Bring the lighthouse permit, please"));
        assertThat(onFx(() -> marks("Bring the lighthouse permit, please"))).containsExactly("lighthouse");
        snapshot(SHOTS.resolve("find-in-chat.png"));

        type(KeyCode.ENTER);
        waitUntil(() -> "3 of 3".equals(textOf("#findCount")));
        waitUntil(() -> shownAndSelected("The Lighthouse shoot is on Friday"));

        type(KeyCode.ENTER);
        waitUntil(() -> "1 of 3".equals(textOf("#findCount")));
        waitUntil(() -> shownAndSelected("Photos from the lighthouses are up"));

        press(KeyCode.SHIFT).type(KeyCode.ENTER).release(KeyCode.SHIFT);
        waitUntil(() -> "3 of 3".equals(textOf("#findCount")));
        waitUntil(() -> shownAndSelected("The Lighthouse shoot is on Friday"));

        clickOn("#findNewer");
        waitUntilEquals(() -> textOf("#findCount"), "2 of 3");

        type(KeyCode.ESCAPE);
        waitUntil(() -> !showing("#findBar"));
        waitUntil(() -> lookup(".find-match").match(Node::isVisible).tryQuery().isEmpty());
        assertThat(onFx(() -> lookup("#composer").query().isFocused())).isTrue();
    }

    @Test
    void aWordNoMessageHasSaysNoMatches() throws Exception {
        startServer();
        alice = Peer.register(server.uri(), "alice", "Alice Liddell");
        bob = Peer.register(server.uri(), "bob", "Bob Marsh");
        Peer.befriend(alice, bob);
        bob.send(bob.open("alice"), "See you at the studio");
        launch(sessionOf(alice, "Alice Liddell"));
        screen.open("Bob Marsh");
        waitUntil(() -> screen.showsBubble("See you at the studio"));

        press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        waitUntil(() -> lookup("#findField").query().isFocused());
        write("harbour");

        waitUntil(() -> "No matches".equals(textOf("#findCount")));
        assertThat(onFx(() -> lookup("#findOlder").query().isDisabled())).isTrue();
        interact(() -> lookup("#findField").queryAs(TextField.class).setText("studio"));
        waitUntil(() -> "1 of 1".equals(textOf("#findCount")));
    }

    /** The message's row is selected and its bubble lies within the visible part of the list. */
    private boolean shownAndSelected(String text) {
        ListView<ChatRow> list = lookup(".message-list").queryListView();
        if (!(list.getSelectionModel().getSelectedItem() instanceof ChatRow.Bubble bubble)
                || !bubble.message().text().equals(text)) {
            return false;
        }
        Bounds visible = list.localToScreen(list.getBoundsInLocal());
        return lookup(".bubble-text").match(node -> node.isVisible() && text.equals(ChatScreen.shownText(node)))
                .queryAll().stream().map(node -> node.localToScreen(node.getBoundsInLocal()))
                .anyMatch(bounds -> bounds != null && visible.contains(bounds.getCenterX(), bounds.getCenterY()));
    }

    /** The words marked in the bubble showing {@code text}. */
    private List<String> marks(String text) {
        Node bubble = lookup(".bubble-text").match(node -> node.isVisible()
                && text.equals(ChatScreen.shownText(node))).query();
        return bubble.lookupAll(".find-match").stream().map(node -> ((Label) node).getText()).toList();
    }
}
