package dev.parley.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.store.StoredMessage;
import dev.parley.client.testing.AppTest;
import dev.parley.client.testing.AliceAndBobTest;
import dev.parley.protocol.PollOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.Test;

/** Starting a poll from the chat menu and voting in it, as the person at the screen does it. */
class PollFlowTest extends AliceAndBobTest {
    private static final Path SHOTS = Path.of("target", "screenshots");

    @Test
    void aPollStartedFromTheMenuTakesVotesFromBothPeopleAndCloses() throws Exception {
        aliceChatsWithBob("Where shall we shoot on Saturday?");
        waitUntil(() -> screen.showsBubble("Where shall we shoot on Saturday?"));

        clickOn("#chatMenu");
        clickOn(menuLabel("New poll…"));
        clickOn("#pollQuestionField").write("Which location?");
        clickOn("#pollOption0").write("The harbour");
        clickOn("#pollOption1").write("Old town");
        clickOn("#addOptionButton");
        clickOn("#pollOption2").write("The beach");
        clickOn("#createPollButton");

        waitUntil(() -> "Which location?".equals(visibleText(".poll-question")));
        StoredMessage poll = bobsPoll();
        bobSession.vote(conversation, poll.seq(), List.of(2)).get(10, TimeUnit.SECONDS);
        waitUntil(() -> counts().equals(List.of("0 · 0%", "0 · 0%", "1 · 100%")));

        clickOn(onFx(() -> lookup("#pollChoice2").match(AppTest::showsWithParents).queryAs(Node.class)));
        waitUntil(() -> counts().equals(List.of("0 · 0%", "0 · 0%", "2 · 100%")));
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> bobsPoll().poll().poll().options().stream()
                .map(PollOption::votes).toList().equals(List.of(0, 0, 2)));
        assertThat(bobsPoll().poll().poll().options().get(2).handles()).containsExactly("bob", "alice");
        snapshot(SHOTS.resolve("poll.png"));

        clickOn(onFx(() -> lookup("#closePollButton").match(AppTest::showsWithParents).queryButton()));
        waitUntil(() -> visibleText(".poll-summary").contains("Closed")
                && lookup("#closePollButton").match(AppTest::showsWithParents).tryQuery().isEmpty());
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> bobsPoll().poll().poll().closed());
        snapshot(SHOTS.resolve("poll-closed.png"));
    }

    private StoredMessage bobsPoll() throws Exception {
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> bobSession.loadMessages(conversation, null, 20)
                .get(10, TimeUnit.SECONDS).stream().anyMatch(m -> m.poll() != null));
        return bobSession.loadMessages(conversation, null, 20).get(10, TimeUnit.SECONDS).stream()
                .filter(m -> m.poll() != null).findFirst().orElseThrow();
    }

    private List<String> counts() throws Exception {
        return onFx(() -> lookup(".poll-count").queryAll().stream().filter(AppTest::showsWithParents)
                .map(node -> ((Labeled) node).getText()).toList());
    }
}
