package dev.parley.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.testing.AppTest;
import dev.parley.client.testing.ChatScreen;
import dev.parley.client.testing.Peer;
import dev.parley.protocol.PresenceVisibility;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
import org.junit.jupiter.api.Test;

/** "Seen" under read messages and "online" / "typing…" in the header, as both people's settings allow. */
class ReceiptsAndPresenceFlowTest extends AppTest {
    final ChatScreen screen = new ChatScreen(this);

    @Test
    void seenAppearsOnceBothTurnOnReadReceipts() throws Exception {
        startServer();
        try (Peer alice = Peer.register(server.uri(), "alice", "Alice Liddell");
                Peer bob = Peer.register(server.uri(), "bob", "Bob Marsh")) {
            Peer.befriend(alice, bob);
            long conversation = bob.open("alice");
            bob.call(new Request.PrivacySet(null, true, null), Reply.Privacy.class);
            bob.send(conversation, "Are we still on for Friday?");
            launch(sessionOf(alice, "Alice Liddell"));
            screen.open("Bob Marsh");
            clickOn(".composer-field").write("Yes! 10am at the studio").type(javafx.scene.input.KeyCode.ENTER);
            waitUntil(() -> "fth-check".equals(screen.statusOf("Yes! 10am at the studio")));
            long sent = bob.history(conversation).get(1).seq();
            bob.call(new Request.MessageRead(conversation, sent), Reply.ReadCursor.class);
            boolean seenWhileOff = onFx(this::seenShowing);

            clickOn("#accountMenu");
            clickOn("Privacy…");
            waitUntil(() -> !lookup(".check-box").query().isDisabled());
            clickOn("Send and receive read receipts");
            clickButton("Save");
            waitUntil(this::seenShowing);

            assertThat(seenWhileOff).as("alice had read receipts off").isFalse();
        }
    }

    /** "Seen" shows under the newest read message of the user's own. */
    private boolean seenShowing() {
        return lookup(".message-cell").queryAll().stream()
                .filter(cell -> cell.lookup(".bubble-seen") != null && cell.lookup(".bubble-seen").isVisible())
                .anyMatch(cell -> cell.lookupAll(".bubble-text").stream().anyMatch(bubble ->
                        "Yes! 10am at the studio".equals(ChatScreen.shownText(bubble))));
    }

    @Test
    void theHeaderShowsAFriendOnlineAndTypingUnlessTheyHideIt() throws Exception {
        startServer();
        try (Peer alice = Peer.register(server.uri(), "alice", "Alice Liddell");
                Peer bob = Peer.register(server.uri(), "bob", "Bob Marsh")) {
            Peer.befriend(alice, bob);
            long conversation = bob.open("alice");
            bob.send(conversation, "One sec, writing up the brief");
            launch(sessionOf(alice, "Alice Liddell"));
            screen.open("Bob Marsh");
            waitUntil(() -> "online".equals(textOf(".chat-peer-handle")));

            bob.call(new Request.Typing(conversation), Reply.Empty.class);
            waitUntil(() -> "typing…".equals(textOf(".chat-peer-handle")));
            bob.send(conversation, "Here it is");
            waitUntil(() -> "online".equals(textOf(".chat-peer-handle")));

            bob.call(new Request.PrivacySet(null, null, PresenceVisibility.NOBODY), Reply.Privacy.class);
            waitUntil(() -> "@bob".equals(textOf(".chat-peer-handle")));
        }
    }
}
