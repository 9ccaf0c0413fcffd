package dev.parley.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.testing.AppTest;
import dev.parley.client.testing.ChatScreen;
import dev.parley.client.testing.Peer;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.MenuButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The keyboard as a person uses it: next unread chat, jump to a chat, new message, and Esc closes what opened. */
class KeyboardTest extends AppTest {
    private final ChatScreen screen = new ChatScreen(this);
    private final List<Peer> people = new ArrayList<>();

    @AfterEach
    void closePeople() {
        people.forEach(Peer::close);
    }

    /** Alice, and friends who each wrote her one message: the last one named is the newest. */
    private Peer aliceWithMessagesFrom(String... names) throws Exception {
        startServer();
        Peer alice = Peer.register(server.uri(), "alice", "Alice Liddell");
        people.add(alice);
        for (String name : names) {
            Peer friend = Peer.register(server.uri(), name.toLowerCase(), name + " Marsh");
            people.add(friend);
            Peer.befriend(alice, friend);
            friend.send(friend.open("alice"), "Hello from " + name);
        }
        launch(sessionOf(alice, "Alice Liddell"));
        waitUntil(() -> screen.conversationNames().size() == names.length);
        return alice;
    }

    @Test
    void altUpAndAltDownOpenTheNextConversationWithUnreadMessagesWrappingRound() throws Exception {
        aliceWithMessagesFrom("Dave", "Carol", "Bob");
        assertThat(onFx(screen::conversationNames)).containsExactly("Bob Marsh", "Carol Marsh", "Dave Marsh");
        screen.open("Bob Marsh");
        waitUntil(() -> screen.unreadBadge("Bob Marsh").isEmpty());

        altPress(KeyCode.UP);
        waitUntil(() -> openChat().equals("Dave Marsh"));
        altPress(KeyCode.UP);
        waitUntil(() -> openChat().equals("Carol Marsh"));
        waitUntil(() -> screen.unreadBadge("Carol Marsh").isEmpty() && screen.unreadBadge("Dave Marsh").isEmpty());

        // Nothing else is unread: the chat stays.
        altPress(KeyCode.DOWN);
        altPress(KeyCode.UP);
        assertThat(openChat()).isEqualTo("Carol Marsh");

        Peer bob = people.get(3);
        bob.send(bob.open("alice"), "One more thing");
        waitUntil(() -> screen.unreadBadge("Bob Marsh").equals("1"));
        altPress(KeyCode.DOWN);
        waitUntil(() -> openChat().equals("Bob Marsh"));
    }

    @Test
    void ctrlKGoesToTheConversationSearchAndCtrlNOpensNewMessageWhichEscCloses() throws Exception {
        aliceWithMessagesFrom("Bob");
        screen.open("Bob Marsh");
        waitUntil(() -> lookup("#composer").query().isFocused());

        shortcut(KeyCode.K);
        waitUntil(() -> lookup(".conversations-search").query().isFocused());

        shortcut(KeyCode.N);
        waitUntil(() -> dialogs().size() == 1);
        assertThat(onFx(() -> dialogs().get(0).getScene().lookup("#handleField"))).isNotNull();
        type(KeyCode.ESCAPE);
        waitUntil(() -> dialogs().isEmpty());
    }

    @Test
    void escClosesTheEmojiPickerMenusAndDialogs() throws Exception {
        aliceWithMessagesFrom("Bob");
        screen.open("Bob Marsh");
        waitUntil(() -> screen.showsBubble("Hello from Bob"));

        shortcut(KeyCode.E);
        waitUntil(this::pickerShowing);
        type(KeyCode.ESCAPE);
        waitUntil(() -> !pickerShowing());

        clickOn("#chatMenu");
        waitUntil(() -> lookup("#chatMenu").queryAs(MenuButton.class).isShowing());
        type(KeyCode.ESCAPE);
        waitUntil(() -> !lookup("#chatMenu").queryAs(MenuButton.class).isShowing());

        screen.openMessageMenu("Hello from Bob");
        waitUntil(() -> lookup("#message-copy").tryQuery().isPresent() || popupShowing());
        type(KeyCode.ESCAPE);
        waitUntil(() -> !popupShowing());

        press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F).release(KeyCode.F, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> dialogs().size() == 1);
        type(KeyCode.ESCAPE);
        waitUntil(() -> dialogs().isEmpty());

        // With a reply strip, Esc in the composer cancels the reply.
        screen.openMessageMenu("Hello from Bob");
        clickOn(lookup(".menu-item").match(node -> node.getId() != null && node.getId().equals("message-reply"))
                .queryAs(Node.class));
        waitUntil(() -> showing("#replyStrip"));
        type(KeyCode.ESCAPE);
        waitUntil(() -> !showing("#replyStrip"));
    }

    @Test
    void tabGoesFromTheConversationSearchToTheListThenTheComposerAndShiftTabComesBack() throws Exception {
        aliceWithMessagesFrom("Bob");
        screen.open("Bob Marsh");
        shortcut(KeyCode.K);
        waitUntil(() -> lookup(".conversations-search").query().isFocused());

        type(KeyCode.TAB);
        waitUntil(() -> lookup(".conversation-list").query().isFocused());
        type(KeyCode.TAB);
        waitUntil(() -> lookup("#composer").query().isFocused());
        assertThat(onFx(() -> lookup("#composer").queryAs(javafx.scene.control.TextArea.class).getText())).isEmpty();

        press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        waitUntil(() -> lookup(".conversation-list").query().isFocused());
        press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        waitUntil(() -> lookup(".conversations-search").query().isFocused());
    }

    private void altPress(KeyCode key) {
        press(KeyCode.ALT, key).release(key, KeyCode.ALT);
    }

    private void shortcut(KeyCode key) {
        press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
    }

    private String openChat() throws Exception {
        return textOf(".chat-peer-name");
    }

    /** Dialog windows showing now. */
    private List<Window> dialogs() {
        return Window.getWindows().stream().filter(window -> window instanceof Stage && window != stage
                && window.isShowing() && window.getScene().getRoot() instanceof DialogPane).toList();
    }

    private boolean popupShowing() {
        return Window.getWindows().stream().anyMatch(window -> window instanceof javafx.stage.PopupWindow
                && window.isShowing());
    }

    private boolean pickerShowing() {
        return lookup(".emoji-search").tryQuery().map(node -> node.getScene() != null && node.getScene().getWindow()
                != null && node.getScene().getWindow().isShowing()).orElse(false);
    }
}
