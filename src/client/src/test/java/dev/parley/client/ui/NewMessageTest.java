package dev.parley.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.testing.AppTest;
import dev.parley.client.testing.ChatScreen;
import dev.parley.client.testing.Peer;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

class NewMessageTest extends AppTest {
    final ChatScreen screen = new ChatScreen(this);

    @Test
    void aNewPersonIsFoundByHandleAndTheirConversationOpens() throws Exception {
        startServer();
        try (Peer alice = Peer.register(server.uri(), "alice", "Alice Liddell");
                Peer dana = Peer.register(server.uri(), "dana", "Dana Ruiz")) {
            launch(sessionOf(alice, "Alice Liddell"));
            waitUntil(screen::isShowing);
            assertThat(onFx(() -> showing(".chat-empty-title"))).as("empty states tell what to do").isTrue();
            assertThat(onFx(() -> lookup(".empty-state-title").queryAs(Label.class).getText()))
                    .isEqualTo("No conversations yet");

            clickOn("#newMessageButton");
            clickOn("#handleField").write("nobody").type(KeyCode.ENTER);
            waitUntil(() -> showing("#errorLabel") && lookup("#errorLabel").queryLabeled().getText()
                    .equals("There is no one with the handle @nobody."));
            push(KeyCode.SHORTCUT, KeyCode.A).write("@Dana").type(KeyCode.ENTER);

            waitUntil(() -> screen.conversationNames().equals(List.of("Dana Ruiz"))
                    && lookup("#peerName").tryQuery().isPresent()
                    && "Dana Ruiz".equals(lookup("#peerName").queryLabeled().getText()));
            assertThat(onFx(() -> lookup("#noMessagesTitle").queryLabeled().getText()))
                    .isEqualTo("Say hello to Dana Ruiz");
        }
    }
}
