package dev.parley.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.parley.client.store.StoredMessage;
import dev.parley.client.testing.AppTest;
import dev.parley.client.testing.AliceAndBobTest;
import dev.parley.client.testing.MutableClock;
import dev.parley.protocol.Offer;
import dev.parley.protocol.Proposal;
import dev.parley.protocol.ProposalStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.input.Clipboard;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;

/**
 * Offers and proposals as the person at the screen uses them: an offer sent from the composer's "+" menu counts
 * down and turns Expired when Alice's clock reaches its end; a proposal from Bob is discussed and accepted; the
 * Proposals view lists it. Screenshots of each, in light and dark.
 */
class OfferFlowTest extends AliceAndBobTest {
    private static final Path SHOTS = Path.of("target", "screenshots");
    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));

    @Override
    protected Clock clock() {
        return clock;
    }

    @Test
    void anOfferSentFromTheComposerCountsDownAndExpiresAtItsTime() throws Exception {
        aliceChatsWithBob("Any discount for the glazing workshop?");
        waitUntil(() -> screen.showsBubble("Any discount for the glazing workshop?"));

        clickOn("#composerMoreButton");
        clickOn(menuLabel("Offer…"));
        clickOn("#offerTitleField").write("20% off the glazing workshop");
        clickOn("#offerDescriptionField").write("Any Saturday session in December. Bring a friend!");
        clickOn("#offerCodeField").write("GLAZE-20");
        clickOn("#offerLengthDAY");
        snapshot(dialogScene("New offer"), SHOTS.resolve("offer-dialog.png"));
        clickOn("#sendOfferButton");

        waitUntil(() -> "Ends in 24 h".equals(visibleText("#offerCountdown")));
        Offer onBob = bobsMessage(m -> m.offer() != null).offer();
        assertThat(onBob.code()).isEqualTo("GLAZE-20");
        assertThat(onBob.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(24)));
        bothThemes("offer-live");

        clickOn(shown("#copyCodeButton"));
        waitUntil(() -> "Copied".equals(visibleText("#copyCodeButton")));
        assertThat(onFx(() -> Clipboard.getSystemClipboard().getString())).isEqualTo("GLAZE-20");

        clock.set(onBob.expiresAt().minusSeconds(90));
        waitUntil(() -> "Ends in 1 min".equals(visibleText("#offerCountdown")));
        clock.set(onBob.expiresAt());
        waitUntil(() -> "Expired".equals(visibleText("#offerCountdown")));
        Labeled copy = shown("#copyCodeButton");
        assertThat(onFx(copy::isDisabled)).isFalse();
        bothThemes("offer-expired");
    }

    @Test
    void aProposalFromBobIsDiscussedAcceptedAndListedInProposals() throws Exception {
        aliceChatsWithBob("I have an idea for us");
        bobSession.sendProposal(conversation, new Proposal("A joint video on raku firing", "Editing and my channel",
                "Your studio and kiln", "A new topic for my viewers", "Reach: 40k subscribers",
                "Shoot in two weeks, out by the 20th", "One 12-minute video, three short clips"), null)
                .get(10, TimeUnit.SECONDS);
        long seq = bobsMessage(m -> m.proposal() != null && m.seq() > 0).seq();
        waitUntil(() -> "Pending".equals(visibleText("#proposalStatus")));
        bothThemes("proposal-pending");

        clickOn(shown("#discussProposalButton"));
        waitUntil(() -> seen("#replyStrip"));
        clickOn("#composer").write("Love it. Can we do the 18th?");
        type(javafx.scene.input.KeyCode.ENTER);
        waitUntil(() -> screen.showsBubble("Love it. Can we do the 18th?"));
        StoredMessage reply = bobsMessage(m -> "Love it. Can we do the 18th?".equals(m.text()));
        assertThat(reply.replyTo()).isEqualTo(seq);

        clickOn(shown("#acceptProposalButton"));
        waitUntil(() -> "Accepted".equals(visibleText("#proposalStatus")));
        bobsMessage(m -> m.proposal() != null && m.proposal().status() == ProposalStatus.ACCEPTED);
        waitUntil(() -> lookup("#acceptProposalButton").match(AppTest::showsWithParents).tryQuery().isEmpty());
        bothThemes("proposal-accepted");

        clickOn("#accountMenu");
        clickOn(menuLabel("Proposals…"));
        waitUntil(() -> proposalRows() == 1);
        snapshot(dialogScene("Proposals"), SHOTS.resolve("proposals-view-light.png"));
        interact(() -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
        snapshot(dialogScene("Proposals"), SHOTS.resolve("proposals-view-dark.png"));
        interact(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
        clickOn("#proposalsDirectionSENT");
        waitUntil(() -> proposalRows() == 0 && seen(".proposals-empty"));
        clickOn("#proposalsDirectionRECEIVED");
        waitUntil(() -> proposalRows() == 1);
        doubleClickOn(".proposal-row-idea");
        waitUntil(() -> Window.getWindows().stream().noneMatch(w -> w.getScene() != null
                && w.getScene().getRoot().getStyleClass().contains("proposals-view")));
    }

    @Test
    void aProposalMadeFromTheComposerReachesBobAndCanBeWithdrawn() throws Exception {
        aliceChatsWithBob("Shall we do something together for the market?");
        waitUntil(() -> screen.showsBubble("Shall we do something together for the market?"));

        clickOn("#composerMoreButton");
        clickOn(menuLabel("Propose a collaboration…"));
        clickOn("#proposalIdeaField").write("A shared stall: my mugs with your coffee beans");
        clickOn("#youBringField").write("Forty mugs and the display");
        clickOn("#theyBringField").write("Beans, grinder and tasting cups");
        clickOn("#timelineField").write("First market on the 20th");
        snapshot(dialogScene("Propose a collaboration to Bob Marsh"), SHOTS.resolve("proposal-dialog.png"));
        clickOn("#sendProposalButton");

        waitUntil(() -> "Pending".equals(visibleText("#proposalStatus")));
        StoredMessage onBob = bobsMessage(m -> m.proposal() != null);
        assertThat(onBob.proposal().senderBrings()).isEqualTo("Forty mugs and the display");
        assertThat(onBob.proposal().recipientBrings()).isEqualTo("Beans, grinder and tasting cups");
        assertThat(onFx(() -> lookup("#acceptProposalButton").match(AppTest::showsWithParents).tryQuery()))
                .isEmpty();

        bothThemes("proposal-mine");
        clickOn(shown("#withdrawProposalButton"));
        waitUntil(() -> "Withdrawn".equals(visibleText("#proposalStatus")));
        bobsMessage(m -> m.proposal() != null && m.proposal().status() == ProposalStatus.WITHDRAWN);
    }

    /** Screenshots of the window as it is, in the light and then the dark theme (and back to light). */
    private void bothThemes(String name) throws Exception {
        snapshot(SHOTS.resolve(name + "-light.png"));
        interact(() -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
        snapshot(SHOTS.resolve(name + "-dark.png"));
        interact(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    }

    private int proposalRows() throws Exception {
        return onFx(() -> lookup(".proposal-list").tryQueryAs(ListView.class).map(list -> list.getItems().size())
                .orElse(-1));
    }

    private Scene dialogScene(String title) throws Exception {
        waitUntil(() -> Window.getWindows().stream().anyMatch(w -> w instanceof javafx.stage.Stage s
                && title.equals(s.getTitle())));
        return onFx(() -> Window.getWindows().stream().filter(w -> w instanceof javafx.stage.Stage s
                && title.equals(s.getTitle())).findFirst().orElseThrow().getScene());
    }

    private StoredMessage bobsMessage(Predicate<StoredMessage> wanted) {
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> bobSession.loadMessages(conversation, null, 20)
                .get(10, TimeUnit.SECONDS).stream().anyMatch(wanted));
        try {
            return bobSession.loadMessages(conversation, null, 20).get(10, TimeUnit.SECONDS).stream().filter(wanted)
                    .findFirst().orElseThrow();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private Labeled shown(String query) throws Exception {
        waitUntil(() -> lookup(query).match(AppTest::showsWithParents).tryQuery().isPresent());
        return onFx(() -> (Labeled) lookup(query).match(AppTest::showsWithParents).query());
    }
}
