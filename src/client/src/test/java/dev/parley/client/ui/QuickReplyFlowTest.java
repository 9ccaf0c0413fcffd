package dev.parley.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.testing.AliceAndBobTest;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
import java.nio.file.Path;
import java.util.Map;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** Quick replies typed as "/name": filled in for the open chat's person, flagged where a value is missing. */
class QuickReplyFlowTest extends AliceAndBobTest {
    private static final Path SHOTS = Path.of("target", "screenshots");

    @Test
    void aQuickReplyMadeInTheManagerIsInsertedWithSlashAndSentFilledIn() throws Exception {
        aliceChatsWithBob("How much is a print?");
        clickOn("#accountMenu");
        clickOn(menuLabel("Quick replies…"));
        clickOn("#quickReplyName").write("prices");
        clickOn("#quickReplyText").write("Hi {first_name}! Prints start at 20 EUR. {my_name}");
        waitUntil(() -> textOf("#quickReplyPreview").equals("Hi Bob! Prints start at 20 EUR. Alice Liddell"));
        clickOn("#saveQuickReplyButton");
        waitUntil(() -> onFx(() -> lookup("#quickReplyList").queryListView().getItems().size()) == 1);
        snapshot(onFx(() -> lookup("#quickReplyList").query().getScene()), SHOTS.resolve("quick-replies.png"));
        clickButton("Close");

        clickOn("#composer").write("/pri");
        waitUntil(() -> showing("#quick-reply-completions"));
        snapshot(SHOTS.resolve("quick-reply-completion.png"));
        type(KeyCode.ENTER);

        waitUntil(() -> composerText().equals("Hi Bob! Prints start at 20 EUR. Alice Liddell"));
        type(KeyCode.ENTER);
        waitUntil(() -> bobSees.stream().anyMatch(m -> m.text().equals("Hi Bob! Prints start at 20 EUR. Alice Liddell")));
    }

    @Test
    void aMissingContactFieldHoldsTheMessageUntilItIsFilledIn() throws Exception {
        aliceChatsWithBob("Do you ship abroad?");
        // Made on another of Alice's devices: it reaches the app by the server's push.
        alice.call(new Request.QuickReplySave(null, "shipping", "Yes {first_name}, to {city} it takes 3 days."),
                Reply.SavedQuickReply.class);
        clickOn("#quickReplyButton");
        write("ship");
        waitUntil(() -> showing("#quick-reply-completions"));
        type(KeyCode.ENTER);

        waitUntil(() -> composerText().equals("Yes Bob, to {city} it takes 3 days."));
        waitUntil(() -> seen("#unfilledText"));
        assertThat(textOf("#unfilledText")).startsWith("{city}: no value for Bob Marsh yet");
        assertThat(onFx(() -> lookup(".send-button").queryButton().isDisabled())).isTrue();
        snapshot(SHOTS.resolve("quick-reply-unfilled.png"));

        clickOn("#setContactFieldsButton");
        waitUntil(() -> showing("#fieldValue0"));
        clickOn("#fieldValue0").write("Porto");
        clickOn("#saveContactFieldsButton");

        waitUntil(() -> composerText().equals("Yes Bob, to Porto it takes 3 days."));
        waitUntil(() -> !seen("#unfilledText"));
        assertThat(alice.call(new Request.ContactGet("bob"), Reply.Contact.class).fields())
                .isEqualTo(Map.of("city", "Porto"));
        clickOn(".send-button");
        waitUntil(() -> bobSees.stream().anyMatch(m -> m.text().equals("Yes Bob, to Porto it takes 3 days.")));
    }

    private String composerText() throws Exception {
        return onFx(() -> lookup("#composer").queryAs(TextArea.class).getText());
    }
}
