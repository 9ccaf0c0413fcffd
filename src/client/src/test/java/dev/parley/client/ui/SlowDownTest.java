package dev.parley.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.testing.AppTest;
import dev.parley.client.testing.ChatScreen;
import dev.parley.client.testing.Peer;
import dev.parley.server.social.AccountLimits;
import java.time.Duration;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** When the server's per-account limits say "too fast", the app says so calmly and specifically. */
class SlowDownTest extends AppTest {
    final ChatScreen screen = new ChatScreen(this);

    @Test
    void sendingTooFastShowsACalmNoticeAndKeepsTheMessagesQueued() throws Exception {
        startServer(AccountLimits.Rates.GENEROUS.withMessages(new AccountLimits.Rate(2, Duration.ofMinutes(10))));
        try (Peer alice = Peer.register(server.uri(), "alice", "Alice Liddell");
                Peer bob = Peer.register(server.uri(), "bob", "Bob Marsh")) {
            Peer.befriend(alice, bob);
            bob.send(bob.open("alice"), "Ready when you are");
            launch(sessionOf(alice, "Alice Liddell"));
            screen.open("Bob Marsh");

            for (String text : new String[] {"one", "two", "three"}) {
                clickOn(".composer-field").write(text).type(KeyCode.ENTER);
            }
            waitUntil(() -> showing(".slow-down-notice"));

            assertThat(textOf(".slow-down-notice")).startsWith("You're sending messages quickly")
                    .contains("by themselves in about");
            assertThat(onFx(() -> screen.statusOf("three"))).as("still waiting, not failed").isEqualTo("fth-clock");
            assertThat(onFx(() -> screen.statusOf("two"))).isEqualTo("fth-check");
        }
    }

    @Test
    void startingTooManyConversationsWithStrangersSaysWhenItCanTryAgain() throws Exception {
        startServer(AccountLimits.Rates.GENEROUS.withNewConversations(
                new AccountLimits.Rate(1, Duration.ofMinutes(30))));
        try (Peer alice = Peer.register(server.uri(), "alice", "Alice Liddell");
                Peer bob = Peer.register(server.uri(), "bob", "Bob Marsh");
                Peer carol = Peer.register(server.uri(), "carol", "Carol Vance")) {
            launch(sessionOf(alice, "Alice Liddell"));
            waitUntil(screen::isShowing);
            for (String handle : new String[] {"bob", "carol"}) {
                clickOn("#newMessageButton");
                clickOn("#handleField").write(handle).type(KeyCode.ENTER);
                if (handle.equals("bob")) {
                    waitUntil(() -> "Bob Marsh".equals(textOf(".chat-peer-name")));
                }
            }
            waitUntil(() -> showing(".new-message-error"));

            assertThat(textOf(".new-message-error")).contains("You've started a lot of new conversations recently")
                    .contains("about 30 minutes");
        }
    }
}
