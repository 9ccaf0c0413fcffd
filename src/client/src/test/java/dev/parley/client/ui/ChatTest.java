package dev.parley.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.testing.AppTest;
import dev.parley.client.testing.ChatScreen;
import dev.parley.client.testing.Peer;
import dev.parley.protocol.Message;
import java.util.List;
import java.util.stream.IntStream;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChatTest extends AppTest {
    Peer alice;
    Peer bob;
    Peer carol;
    long withBob;
    long withCarol;
    final ChatScreen screen = new ChatScreen(this);

    @BeforeEach
    void people() {
        startServer();
        alice = Peer.register(server.uri(), "alice", "Alice Liddell");
        bob = Peer.register(server.uri(), "bob", "Bob Marsh");
        carol = Peer.register(server.uri(), "carol", "Carol Diaz");
        Peer.befriend(alice, bob);
        Peer.befriend(alice, carol);
        withBob = bob.open("alice");
        bob.send(withBob, "Are we still on for Friday?");
        withCarol = carol.open("alice");
        carol.send(withCarol, "Loved the new mugs!");
    }

    @AfterEach
    void leave() {
        List.of(alice, bob, carol).forEach(Peer::close);
    }

    @Test
    void sendingShowsTheBubbleMarksItSentAndMovesTheConversationToTheTop() throws Exception {
        launch(sessionOf(alice, "Alice Liddell"));
        waitUntil(() -> screen.conversationNames().equals(List.of("Carol Diaz", "Bob Marsh")));

        screen.open("Bob Marsh");
        clickOn("#composer").write("Yes! See you at ten.").type(KeyCode.ENTER);
        waitUntil(() -> screen.statusOf("Yes! See you at ten.").equals("fth-check"));

        assertThat(onFx(screen::conversationNames)).containsExactly("Bob Marsh", "Carol Diaz");
        assertThat(onFx(() -> screen.preview("Bob Marsh"))).isEqualTo("Yes! See you at ten.");
        assertThat(bob.history(withBob)).extracting(Message::text)
                .containsExactly("Are we still on for Friday?", "Yes! See you at ten.");
        assertThat(onFx(() -> lookup("#composer").queryTextInputControl().getText())).isEmpty();
    }

    @Test
    void aMessageFromSomeoneElseAppearsLiveWithBadgeAndPreview() throws Exception {
        launch(sessionOf(alice, "Alice Liddell"));
        waitUntil(() -> screen.conversationNames().size() == 2);
        screen.open("Carol Diaz");

        bob.send(withBob, "Bring the glaze samples too");
        waitUntil(() -> screen.unreadBadge("Bob Marsh").equals("2"));

        assertThat(onFx(() -> screen.preview("Bob Marsh"))).isEqualTo("Bring the glaze samples too");
        assertThat(onFx(screen::conversationNames)).first().isEqualTo("Bob Marsh");
        assertThat(onFx(() -> stage.getTitle())).isEqualTo("(2) Parley");
    }

    @Test
    void messagesArrivingInTheOpenConversationAreShownAndMarkedRead() throws Exception {
        launch(sessionOf(alice, "Alice Liddell"));
        waitUntil(() -> screen.conversationNames().size() == 2);
        screen.open("Bob Marsh");
        waitUntil(() -> screen.unreadBadge("Bob Marsh").isEmpty());

        bob.send(withBob, "Running five minutes late");
        waitUntil(() -> screen.bubbleTexts().contains("Running five minutes late"));

        assertThat(onFx(() -> screen.unreadBadge("Bob Marsh"))).isEmpty();
    }

    @Test
    void scrollingUpLoadsOlderMessagesWithoutJumping() throws Exception {
        bob.sendMany(withBob, IntStream.rangeClosed(1, 300).mapToObj(i -> "update " + i).toList());
        launch(sessionOf(alice, "Alice Liddell"));
        waitUntil(() -> screen.conversationNames().size() == 2);
        screen.open("Bob Marsh");
        waitUntil(() -> screen.bubbleTexts().contains("update 300"));
        int before = onFx(() -> screen.bubbleTexts().size());
        String oldestShown = onFx(() -> screen.bubbleTexts().get(0));

        ListView<?> list = lookup(".message-list").queryListView();
        // What the mouse wheel does: scroll the rows by pixels, here all the way up.
        interact(() -> ((VirtualFlow<?>) list.lookup(".virtual-flow")).scrollPixels(-1_000_000));
        waitUntil(() -> screen.bubbleTexts().size() > before);

        int anchor = onFx(() -> indexOfBubble(list, oldestShown));
        waitUntil(() -> {
            VirtualFlow<?> flow = (VirtualFlow<?>) list.lookup(".virtual-flow");
            return flow.getFirstVisibleCell().getIndex() <= anchor && anchor <= flow.getLastVisibleCell().getIndex();
        });
        assertThat(before).isLessThan(301);
        assertThat(anchor).as("older rows were added above").isGreaterThan(0);
    }

    @Test
    void whileScrolledUpNewMessagesShowAPillInsteadOfJumping() throws Exception {
        bob.sendMany(withBob, IntStream.rangeClosed(1, 80).mapToObj(i -> "line " + i).toList());
        launch(sessionOf(alice, "Alice Liddell"));
        waitUntil(() -> screen.conversationNames().size() == 2);
        screen.open("Bob Marsh");
        waitUntil(() -> screen.bubbleTexts().contains("line 80"));
        ListView<?> list = lookup(".message-list").queryListView();
        interact(() -> ((VirtualFlow<?>) list.lookup(".virtual-flow")).scrollPixels(-600));
        int firstVisible = onFx(() -> ((VirtualFlow<?>) list.lookup(".virtual-flow")).getFirstVisibleCell().getIndex());

        bob.send(withBob, "Did you see this?");
        waitUntil(() -> showing("#newMessagesPill"));
        assertThat(onFx(() -> lookup("#newMessagesPill").queryButton().getText())).isEqualTo("1 new message");
        assertThat(onFx(() -> ((VirtualFlow<?>) list.lookup(".virtual-flow")).getFirstVisibleCell().getIndex()))
                .as("the view did not jump").isEqualTo(firstVisible);

        clickOn("#newMessagesPill");
        waitUntil(() -> !showing("#newMessagesPill")
                && ((VirtualFlow<?>) list.lookup(".virtual-flow")).getLastVisibleCell().getIndex()
                        == list.getItems().size() - 1);
    }

    @Test
    void theComposerCountsNearTheLimitAndWillNotSendBlankOrTooLongText() throws Exception {
        launch(sessionOf(alice, "Alice Liddell"));
        waitUntil(() -> screen.conversationNames().size() == 2);
        screen.open("Bob Marsh");
        var composer = lookup("#composer").queryTextInputControl();

        interact(() -> composer.setText("   \n  "));
        boolean blankDisabled = onFx(() -> lookup("#sendButton").queryButton().isDisabled());
        interact(() -> composer.setText("x".repeat(3_700)));
        String nearLimit = onFx(() -> lookup("#counter").queryLabeled().getText());
        interact(() -> composer.setText("x".repeat(4_097)));
        boolean overDisabled = onFx(() -> lookup("#sendButton").queryButton().isDisabled());
        clickOn("#composer").type(KeyCode.ENTER);

        assertThat(blankDisabled).isTrue();
        assertThat(nearLimit).isEqualTo("3,700 / 4,096");
        assertThat(overDisabled).isTrue();
        assertThat(bob.history(withBob)).hasSize(1);
    }

    @Test
    void searchFiltersConversationsByNameHandleOrLastMessage() throws Exception {
        launch(sessionOf(alice, "Alice Liddell"));
        waitUntil(() -> screen.conversationNames().size() == 2);

        clickOn("#searchField").write("mugs");
        waitUntil(() -> screen.conversationNames().equals(List.of("Carol Diaz")));
        push(KeyCode.SHORTCUT, KeyCode.A).write("bob");
        waitUntil(() -> screen.conversationNames().equals(List.of("Bob Marsh")));
        type(KeyCode.ESCAPE);

        waitUntil(() -> screen.conversationNames().size() == 2);
    }

    @Test
    void shiftEnterStartsANewLineAndEnterSendsBoth() throws Exception {
        launch(sessionOf(alice, "Alice Liddell"));
        waitUntil(() -> screen.conversationNames().size() == 2);
        screen.open("Bob Marsh");

        clickOn("#composer").write("First line");
        press(KeyCode.SHIFT).type(KeyCode.ENTER).release(KeyCode.SHIFT);
        write("second line").type(KeyCode.ENTER);

        waitUntil(() -> screen.statusOf("First line\nsecond line").equals("fth-check"));
        assertThat(bob.history(withBob)).extracting(Message::text).last().isEqualTo("First line\nsecond line");
    }

    private static int indexOfBubble(ListView<?> list, String text) {
        for (int i = 0; i < list.getItems().size(); i++) {
            if (list.getItems().get(i) instanceof dev.parley.client.ui.chat.ChatRow.Bubble bubble
                    && bubble.message().text().equals(text)) {
                return i;
            }
        }
        return -1;
    }
}
