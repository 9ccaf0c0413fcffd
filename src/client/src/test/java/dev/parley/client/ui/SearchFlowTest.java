package dev.parley.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.testing.AliceAndBobTest;
import dev.parley.client.testing.Peer;
import java.nio.file.Path;
import java.util.stream.IntStream;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** Searching every chat from the main window and opening a result at its message, however far back. */
class SearchFlowTest extends AliceAndBobTest {
    private static final Path SHOTS = Path.of("target", "screenshots");

    @Test
    void aResultInAnotherChatOpensThatChatAtTheMessageLoadingOlderHistory() throws Exception {
        aliceChatsWithBob("Are we still on for the pineapple shoot?");
        try (Peer carol = Peer.register(server.uri(), "carol", "Carol Jones")) {
            Peer.befriend(alice, carol);
            long withCarol = carol.open("alice");
            carol.send(withCarol, "Shall we shoot at the pineapple farm?");
            carol.sendMany(withCarol, IntStream.rangeClosed(1, 80).mapToObj(i -> "later " + i).toList());
            waitUntilEquals(() -> screen.preview("Carol Jones"), "later 80");

            push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.K);
            waitUntil(() -> showing("#messageSearchField"));
            clickOn("#messageSearchField").write("pineap");
            waitUntilEquals(() -> textOf("#searchSummary"), "2 messages in 2 chats");
            snapshot(onFx(() -> lookup("#messageSearchField").query().getScene()), SHOTS.resolve("search-all.png"));
            assertThat(onFx(() -> lookup("#searchResults").queryAs(ListView.class).getItems().size())).isEqualTo(4);
            type(KeyCode.ENTER);

            waitUntil(() -> screen.showsBubble("Shall we shoot at the pineapple farm?"));
            assertThat(textOf("#peerName")).isEqualTo("Carol Jones");
        }
    }
}
