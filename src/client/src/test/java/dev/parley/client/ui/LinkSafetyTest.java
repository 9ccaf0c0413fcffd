package dev.parley.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.testing.AppTest;
import dev.parley.client.testing.ChatScreen;
import dev.parley.client.testing.Peer;
import java.net.URI;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kordamp.ikonli.javafx.FontIcon;

class LinkSafetyTest extends AppTest {
    /** "apple.com" with a Cyrillic "а" in place of the Latin "a". */
    static final String LOOK_ALIKE = "https://\u0430pple.com/account";
    static final String ORDINARY = "https://example.com/docs";

    final ChatScreen screen = new ChatScreen(this);
    Peer alice;
    Peer bob;

    @BeforeEach
    void people() {
        startServer();
        alice = Peer.register(server.uri(), "alice", "Alice Liddell");
        bob = Peer.register(server.uri(), "bob", "Bob Marsh");
        Peer.befriend(alice, bob);
        bob.send(bob.open("alice"), "The docs are at " + ORDINARY + ". Then sign in at " + LOOK_ALIKE + " please!");
    }

    @AfterEach
    void leave() {
        List.of(alice, bob).forEach(Peer::close);
    }

    private void openBobsLinks() throws Exception {
        launch(sessionOf(alice, "Alice Liddell"));
        waitUntil(() -> screen.conversationNames().size() == 1);
        screen.open("Bob Marsh");
        waitUntil(() -> screen.linkTexts().size() == 2);
    }

    @Test
    void lookAlikeLinkShowsItsPunycodeHostAndAWarning() throws Exception {
        openBobsLinks();

        assertThat(onFx(screen::linkTexts)).containsExactly(ORDINARY, LOOK_ALIKE);
        assertThat(onFx(screen::linkHosts)).as("only the look-alike needs its host beside it")
                .containsExactly("xn--pple-43d.com");
        Label host = lookup(".bubble-link-host").queryAs(Label.class);
        assertThat(onFx(() -> ((FontIcon) host.getGraphic()).getIconLiteral())).isEqualTo("fth-alert-triangle");
        assertThat(onFx(() -> host.getTooltip().getText())).startsWith(
                "This address uses characters that can imitate another site: xn--pple-43d.com");
        assertThat(onFx(() -> host.getAccessibleText())).contains("xn--pple-43d.com", "imitate another site");
        assertThat(onFx(() -> screen.link(LOOK_ALIKE).getAccessibleText())).contains("Warning");
    }

    @Test
    void clickingALookAlikeAsksFirstAndOpensOnlyTheRealAddressOnConfirm() throws Exception {
        openBobsLinks();

        clickOn(screen.link(LOOK_ALIKE));
        waitUntil(() -> showing(".open-link"));
        assertThat(textOf(".open-link-address")).isEqualTo("https://xn--pple-43d.com/account");
        assertThat(onFx(() -> showing(".open-link-warning"))).isTrue();
        clickButton("Cancel");
        waitUntil(() -> !showing(".open-link"));
        assertThat(openedLinks).as("cancel opens nothing").isEmpty();

        clickOn(screen.link(LOOK_ALIKE));
        waitUntil(() -> showing(".open-link"));
        type(KeyCode.ENTER);
        waitUntil(() -> !showing(".open-link"));
        assertThat(openedLinks).as("for a look-alike, Enter cancels").isEmpty();

        clickOn(screen.link(LOOK_ALIKE));
        waitUntil(() -> showing(".open-link"));
        clickButton("Open in browser");
        waitUntil(() -> !openedLinks.isEmpty());
        assertThat(openedLinks).containsExactly(URI.create("https://xn--pple-43d.com/account"));
    }

    @Test
    void ordinaryLinkAsksWithoutAWarningAndEnterOpensIt() throws Exception {
        openBobsLinks();

        clickOn(screen.link(ORDINARY));
        waitUntil(() -> showing(".open-link"));
        assertThat(textOf(".open-link-address")).isEqualTo(ORDINARY);
        assertThat(onFx(() -> showing(".open-link-warning"))).isFalse();
        type(KeyCode.ENTER);

        waitUntil(() -> !showing(".open-link"));
        assertThat(openedLinks).containsExactly(URI.create(ORDINARY));
    }
}
