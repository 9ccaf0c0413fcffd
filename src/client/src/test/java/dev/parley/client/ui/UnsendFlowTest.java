package dev.parley.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.testing.AppTest;
import dev.parley.client.testing.ChatScreen;
import dev.parley.client.testing.Peer;
import dev.parley.protocol.Message;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.Test;

/** Unsend reaches the other person's screen and cache; delete for me stays on this device. */
class UnsendFlowTest extends AppTest {
    final ChatScreen screen = new ChatScreen(this);

    @Test
    void unsendRemovesTheTextFromTheOtherPersonsScreenAndDisk() throws Exception {
        startServer();
        String secret = "my card number is 4111 1111 1111 1111";
        try (Peer alice = Peer.register(server.uri(), "alice", "Alice Liddell");
                Peer bob = Peer.register(server.uri(), "bob", "Bob Marsh")) {
            Peer.befriend(alice, bob);
            long conversation = bob.open("alice");
            long seq = bob.send(conversation, secret).seq();
            bob.send(conversation, "oops, wrong chat");
            launch(sessionOf(alice, "Alice Liddell"));
            screen.open("Bob Marsh");
            waitUntil(() -> screen.bubbleTexts().contains(secret));

            bob.call(new Request.MessageUnsend(conversation, seq), Reply.Sent.class);

            waitUntil(() -> !screen.bubbleTexts().contains(secret) && screen.showsBubble("Message unsent"));
            assertThat(onFx(screen::bubbleTexts)).containsExactly("", "oops, wrong chat");
            quit();
            assertThat(filesContaining(dataDir(), secret)).as("no trace of the unsent text on disk").isEmpty();
        }
    }

    @Test
    void unsendingFromTheBubbleMenuErasesItForTheOtherPerson() throws Exception {
        startServer();
        try (Peer alice = Peer.register(server.uri(), "alice", "Alice Liddell");
                Peer bob = Peer.register(server.uri(), "bob", "Bob Marsh")) {
            Peer.befriend(alice, bob);
            long conversation = bob.open("alice");
            bob.send(conversation, "Send me the draft?");
            launch(sessionOf(alice, "Alice Liddell"));
            screen.open("Bob Marsh");
            clickOn(".composer-field").write("here is my password: hunter2").type(javafx.scene.input.KeyCode.ENTER);
            waitUntil(() -> "fth-check".equals(screen.statusOf("here is my password: hunter2")));

            screen.openMessageMenu("here is my password: hunter2");
            clickOn(menuItem("Unsend"));
            clickOn(lookup(".dialog-pane .button").match(node -> "Unsend".equals(((Labeled) node).getText()))
                    .queryButton());

            waitUntil(() -> screen.showsBubble("You unsent a message"));
            List<Message> bobSees = bob.history(conversation);
            assertThat(bobSees).filteredOn(Message::showsInChat).extracting(Message::text)
                    .containsExactly("Send me the draft?", "");
            assertThat(bobSees.get(1).unsent()).isTrue();
            assertThat(screen.preview("Bob Marsh")).isEqualTo("Message unsent");
        }
    }

    @Test
    void deleteForMeHidesAMessageOnThisDeviceOnly() throws Exception {
        startServer();
        try (Peer alice = Peer.register(server.uri(), "alice", "Alice Liddell");
                Peer bob = Peer.register(server.uri(), "bob", "Bob Marsh")) {
            Peer.befriend(alice, bob);
            long conversation = bob.open("alice");
            bob.send(conversation, "first");
            bob.send(conversation, "something I'd rather not see");
            launch(sessionOf(alice, "Alice Liddell"));
            screen.open("Bob Marsh");
            waitUntil(() -> screen.bubbleTexts().size() == 2);

            screen.openMessageMenu("something I'd rather not see");
            clickOn(menuItem("Delete for me"));
            waitUntil(() -> screen.bubbleTexts().equals(List.of("first")));
            quit();
            launch(sessionOf(alice, "Alice Liddell"));
            screen.open("Bob Marsh");
            waitUntil(() -> screen.bubbleTexts().equals(List.of("first")));

            assertThat(bob.history(conversation)).extracting(Message::text)
                    .containsExactly("first", "something I'd rather not see");
        }
    }

    private Node menuItem(String text) {
        waitUntil(() -> lookup(".context-menu .menu-item .label").match(node -> node.isVisible()
                && text.equals(((Labeled) node).getText())).tryQuery().isPresent());
        return lookup(".context-menu .menu-item .label").match(node -> node.isVisible()
                && text.equals(((Labeled) node).getText())).query();
    }

    private static List<Path> filesContaining(Path dir, String text) throws Exception {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(file -> contains(read(file), needle)).toList();
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
