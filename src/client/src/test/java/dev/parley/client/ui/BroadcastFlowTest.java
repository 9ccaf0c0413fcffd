package dev.parley.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.testing.AliceAndBobTest;
import dev.parley.protocol.ContactCard;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/**
 * Labels in the chat's contact panel, a segment made from the Broadcasts window, a preview, and a broadcast that
 * reaches the person as an ordinary chat message, with live results and STOP showing in the contact panel.
 */
class BroadcastFlowTest extends AliceAndBobTest {
    private static final Path SHOTS = Path.of("target", "screenshots");

    @Test
    void aLabelledContactGetsABroadcastToANewSegmentAfterAPreview() throws Exception {
        aliceChatsWithBob("Hi! Do you sell prints?");
        clickOn("#contactPanelButton");
        waitUntil(() -> showing("#contactLabelEntry"));
        clickOn("#contactLabelEntry").write("Customer");
        type(KeyCode.ENTER);
        waitUntil(() -> seen("#chip-customer"));
        clickOn("#contactNote").write("Ordered two A3 prints in May.");
        clickOn("#saveContactButton");
        waitUntil(() -> alice.call(new Request.ContactCardGet("bob"), Reply.ContactCardReply.class).card()
                .labels().equals(List.of("customer")));
        snapshot(SHOTS.resolve("contact-panel.png"));

        clickOn("#accountMenu");
        clickOn(menuLabel("Broadcasts…"));
        clickOn("#newSegmentButton");
        clickOn("#segmentName").write("Customers");
        clickOn("#segmentLabelEntry").write("customer");
        type(KeyCode.ENTER);
        waitUntil(() -> onFx(() -> lookup("#chip-customer").queryAll().size()) == 2);
        snapshot(onFx(() -> lookup("#segmentName").query().getScene()), SHOTS.resolve("segment.png"));
        clickOn("#saveSegmentButton");
        waitUntil(() -> onFx(() -> {
            var value = lookup("#segmentChoice").queryAs(ComboBox.class).getValue();
            return value != null && value.toString().contains("Customers");
        }));
        clickOn("#broadcastText").write("Hi {first_name}, new prints are in!");
        clickOn("#previewButton");
        waitUntil(() -> seen("#previewSummary") && textOf("#previewSummary").equals("1 will receive it."));
        assertThat(onFx(() -> lookup(".example-text").queryLabeled().getText()))
                .isEqualTo("Hi Bob, new prints are in!");
        snapshot(onFx(() -> lookup("#broadcastText").query().getScene()), SHOTS.resolve("broadcast-preview.png"));
        clickOn("#sendBroadcastButton");

        waitUntil(() -> bobSees.stream().anyMatch(m -> m.text().equals("Hi Bob, new prints are in!")));
        waitUntil(() -> seen("#resultCounts") && textOf("#resultCounts").startsWith("Sent 1"));
        bob.send(conversation, "STOP");
        waitUntil(() -> textOf("#resultCounts").contains("Opted out 1"));
        waitUntil(() -> onFx(() -> lookup(".recipient-name").queryAll().size()) == 1);
        snapshot(onFx(() -> lookup("#resultCounts").query().getScene()), SHOTS.resolve("broadcast-results.png"));
        clickButton("Close");

        waitUntil(() -> seen("#contactOptedOut"));
        assertThat(textOf("#contactOptedOut")).startsWith("Opted out of your broadcasts");
        snapshot(SHOTS.resolve("contact-panel-opted-out.png"));
        ContactCard card = alice.call(new Request.ContactCardGet("bob"), Reply.ContactCardReply.class).card();
        assertThat(card.note()).isEqualTo("Ordered two A3 prints in May.");
    }

    @Test
    void aBroadcastCanCarryAnOfferCard() throws Exception {
        aliceChatsWithBob("Any discounts coming up?");
        alice.call(new Request.ContactCardSet("bob", List.of("customer"), ""), Reply.ContactCardReply.class);
        alice.call(new Request.SegmentSave(null, "Customers", List.of("customer"), false, null),
                Reply.SavedSegment.class);

        clickOn("#accountMenu");
        clickOn(menuLabel("Broadcasts…"));
        waitUntil(() -> onFx(() -> lookup("#segmentChoice").queryAs(ComboBox.class).getValue()) != null);
        clickOn("#broadcastText").write("Just for you, {first_name}");
        clickOn("#attachOfferButton");
        clickOn("#offerTitleField").write("20% off all prints");
        clickOn("#offerCodeField").write("PRINTS20");
        clickOn("#offerLengthDAY");
        clickOn("#sendOfferButton");
        waitUntil(() -> seen("#attachedOffer") && textOf("#attachedOffer").equals("Offer: 20% off all prints"));
        clickOn("#previewButton");
        waitUntil(() -> seen("#previewSummary") && textOf("#previewSummary").equals("1 will receive it."));
        snapshot(onFx(() -> lookup("#broadcastText").query().getScene()), SHOTS.resolve("broadcast-offer.png"));
        clickOn("#sendBroadcastButton");

        waitUntil(() -> bobSees.stream().anyMatch(m -> m.offer() != null
                && m.offer().title().equals("20% off all prints") && m.text().equals("Just for you, Bob")));
        assertThat(bobSees.stream().filter(m -> m.offer() != null).findFirst().orElseThrow().offer().code())
                .isEqualTo("PRINTS20");
        waitUntil(() -> seen("#resultText") && textOf("#resultText").contains("Offer: 20% off all prints"));
    }
}
