package dev.parley.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.testing.AliceAndBobTest;
import dev.parley.client.testing.ChatScreen;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.Test;

/** Scheduling from the send button, the bar above the composer, and the list's Edit, Send now and Cancel. */
class ScheduleFlowTest extends AliceAndBobTest {
    private static final Path SHOTS = Path.of("target", "screenshots");

    @Test
    void aMessageScheduledFromTheSendButtonWaitsInTheBarAndGoesOutWithSendNow() throws Exception {
        aliceChatsWithBob("Can you send the brief?");
        clickOn("#composer").write("Here is the brief for Monday");
        ChatScreen.requestContextMenu(this, lookup(".send-button").query());
        clickOn(menuLabel("Schedule message…"));
        waitUntil(() -> showing("#scheduleSaveButton"));
        snapshot(onFx(() -> lookup("#scheduleSaveButton").query().getScene()), SHOTS.resolve("schedule-dialog.png"));
        clickOn("#scheduleSaveButton");

        waitUntil(() -> seen("#scheduleBarText"));
        assertThat(textOf("#scheduleBarText")).startsWith("1 scheduled message · next tomorrow at");
        assertThat(onFx(() -> lookup("#composer").queryAs(TextArea.class).getText())).isEmpty();
        snapshot(SHOTS.resolve("schedule-bar.png"));
        assertThat(bobSees).noneMatch(m -> m.text().equals("Here is the brief for Monday"));

        clickOn("#scheduleBarView");
        clickButton("Edit");
        interact(() -> lookup("#scheduleText").queryAs(TextArea.class).setText("Here is the final brief"));
        clickOn("#scheduleSaveButton");
        waitUntil(() -> lookup(".scheduled-text").match(node -> node.isVisible()
                && "Here is the final brief".equals(((javafx.scene.control.Labeled) node).getText())).tryQuery()
                .isPresent());
        clickButton("Send now");

        waitUntil(() -> bobSees.stream().anyMatch(m -> m.text().equals("Here is the final brief")));
        waitUntil(() -> screen.showsBubble("Here is the final brief"));
        waitUntil(() -> !seen("#scheduleBarText"));
        clickOn(onFx(() -> lookup(".dialog-pane .button").match(node -> "Close".equals(((Button) node).getText()))
                .queryButton()));
    }

    @Test
    void aReplyCancelsTheFollowUpAndTheBarSaysWhy() throws Exception {
        aliceChatsWithBob("I'll think about the collab");
        clickOn("#composer").write("Any thoughts on the collab?");
        ChatScreen.requestContextMenu(this, lookup(".send-button").query());
        clickOn(menuLabel("Follow up if no reply…"));
        waitUntil(() -> showing("#followUpDays"));
        clickOn("#scheduleSaveButton");
        waitUntil(() -> seen("#scheduleBarText"));
        assertThat(textOf("#scheduleBarText")).startsWith("Follow-up").endsWith("if there is no reply");

        bobSession.send(conversation, "Yes! Let's do it").get(10, TimeUnit.SECONDS);

        waitUntil(() -> seen("#scheduleOutcome"));
        assertThat(textOf("#scheduleOutcome"))
                .isEqualTo("Follow-up cancelled: “Any thoughts on the collab?” — they replied.");
        assertThat(seen("#scheduleBarText")).isFalse();
        snapshot(SHOTS.resolve("schedule-follow-up-cancelled.png"));
    }

    @Test
    void aStickerIsScheduledFromThePickersMenuAndSentByTheServer() throws Exception {
        aliceChatsWithBob("Good luck tomorrow!");
        clickOn("#emojiButton");
        waitUntil(() -> lookup(".picker-tabs").tryQuery().isPresent());
        interact(() -> {
            javafx.scene.control.TabPane tabs = lookup(".picker-tabs").queryAs(javafx.scene.control.TabPane.class);
            tabs.getTabs().stream().filter(tab -> "Stickers".equals(tab.getText())).findFirst()
                    .ifPresent(tabs.getSelectionModel()::select);
        });
        waitUntil(() -> lookup("#sticker-moods-joy").match(javafx.scene.Node::isVisible).tryQuery().isPresent());
        ChatScreen.requestContextMenu(this, lookup("#sticker-moods-joy").query());
        clickOn(menuLabel("Schedule…"));
        waitUntil(() -> showing("#scheduleSaveButton"));
        assertThat(showing("#scheduleText")).as("a sticker has no text").isFalse();
        clickOn("#scheduleSaveButton");
        waitUntil(() -> seen("#scheduleBarText"));

        clickOn("#scheduleBarView");
        clickButton("Send now");

        waitUntil(() -> bobSees.stream().anyMatch(m -> m.sticker() != null && m.sticker().id().equals("joy")));
    }
}
