package dev.parley.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.AppOptions;
import dev.parley.client.testing.AppTest;
import dev.parley.client.testing.ChatScreen;
import dev.parley.client.testing.Peer;
import dev.parley.protocol.Message;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

class OfflineTest extends AppTest {
    final ChatScreen screen = new ChatScreen(this);

    @Test
    void messagesWrittenOfflineAreSentOnceInOrderWhenTheServerIsBack() throws Exception {
        startServer();
        try (Peer alice = Peer.register(server.uri(), "alice", "Alice Liddell");
                Peer bob = Peer.register(server.uri(), "bob", "Bob Marsh")) {
            Peer.befriend(alice, bob);
            long conversation = bob.open("alice");
            bob.send(conversation, "Ping me when you land");
            launch(sessionOf(alice, "Alice Liddell"));
            waitUntil(() -> screen.conversationNames().size() == 1 && !showing("#banner"));
            screen.open("Bob Marsh");

            server.stop();
            waitUntil(() -> showing("#banner") && lookup("#bannerText").queryLabeled().getText().startsWith("Offline"));
            clickOn("#composer").write("Landed!").type(KeyCode.ENTER);
            clickOn("#composer").write("Taxi now, home in 40").type(KeyCode.ENTER);
            waitUntil(() -> screen.statusOf("Taxi now, home in 40").equals("fth-clock"));
            assertThat(onFx(() -> screen.statusOf("Landed!"))).isEqualTo("fth-clock");

            server.start();
            clickOn("#retryLink");
            waitUntil(() -> screen.statusOf("Landed!").equals("fth-check")
                    && screen.statusOf("Taxi now, home in 40").equals("fth-check"));

            try (Peer bobAgain = Peer.signIn(server.uri(), "bob")) {
                assertThat(bobAgain.history(conversation)).extracting(Message::text)
                        .containsExactly("Ping me when you land", "Landed!", "Taxi now, home in 40");
            }
            assertThat(onFx(() -> showing("#banner"))).isFalse();
        }
    }

    @Test
    void startUpShowsCachedConversationsWhileTheServerIsUnreachable() throws Exception {
        startServer();
        try (Peer alice = Peer.register(server.uri(), "alice", "Alice Liddell");
                Peer bob = Peer.register(server.uri(), "bob", "Bob Marsh")) {
            Peer.befriend(alice, bob);
            bob.send(bob.open("alice"), "See you Saturday");
            launch(sessionOf(alice, "Alice Liddell"));
            waitUntil(() -> screen.conversationNames().size() == 1 && showing("#banner") == false);
            quit();
        }
        server.stop();

        launch(new AppOptions(server.uri(), dataDir(), false));
        waitUntil(() -> screen.conversationNames().size() == 1);

        assertThat(onFx(() -> screen.preview("Bob Marsh"))).isEqualTo("See you Saturday");
        waitUntil(() -> showing("#banner"));
    }
}
