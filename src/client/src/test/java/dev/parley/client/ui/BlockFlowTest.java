package dev.parley.client.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.parley.client.testing.AppTest;
import dev.parley.client.testing.ChatScreen;
import dev.parley.client.testing.Peer;
import dev.parley.protocol.ProtocolException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BlockFlowTest extends AppTest {
    final ChatScreen screen = new ChatScreen(this);

    @Test
    void blockingFromTheChatStopsTheirMessagesAndUnblockingInPrivacyRestoresThem() throws Exception {
        startServer();
        try (Peer alice = Peer.register(server.uri(), "alice", "Alice Liddell");
                Peer bob = Peer.register(server.uri(), "bob", "Bob Marsh")) {
            Peer.befriend(alice, bob);
            long conversation = bob.open("alice");
            bob.send(conversation, "Did you get my invoice?");
            launch(sessionOf(alice, "Alice Liddell"));
            waitUntil(() -> screen.conversationNames().size() == 1);
            screen.open("Bob Marsh");

            clickOn("#chatMenu");
            clickOn(lookup(".menu-item .label").match(node -> node.isVisible()
                    && "Block".equals(((javafx.scene.control.Labeled) node).getText())).queryLabeled());
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                    catchThrowable(() -> bob.send(conversation, "hello?")) != null);
            Throwable refused = catchThrowable(() -> bob.send(conversation, "are you there?"));

            clickOn("#accountMenu");
            clickOn("Privacy…");
            waitUntil(() -> lookup("#unblock-bob").tryQuery().isPresent());
            clickOn("#unblock-bob");
            waitUntil(() -> lookup("#unblock-bob").tryQuery().isEmpty());
            clickButton("Cancel");

            assertThat(rootCause(refused)).isInstanceOf(ProtocolException.class)
                    .hasMessage("this person isn't accepting your messages");
            assertThat(bob.send(conversation, "back again").text()).isEqualTo("back again");
        }
    }
}
