package dev.parley.client.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.parley.client.testing.AppTest;
import dev.parley.client.testing.ChatScreen;
import dev.parley.client.testing.Peer;
import dev.parley.protocol.DmPolicy;
import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.ProtocolException;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** Message requests, the privacy dialog and refusals, as a person meets them in the app. */
class PrivacyFlowTest extends AppTest {
    final ChatScreen screen = new ChatScreen(this);

    @Test
    void aStrangersMessageWaitsUnderRequestsUntilAccepted() throws Exception {
        startServer();
        try (Peer alice = Peer.register(server.uri(), "alice", "Alice Liddell");
                Peer dana = Peer.register(server.uri(), "dana", "Dana Ruiz")) {
            long conversation = dana.open("alice");
            dana.send(conversation, "Hi! I saw your mugs at the market, do you take commissions?");
            launch(sessionOf(alice, "Alice Liddell"));
            waitUntil(() -> showing("#requestsBar")
                    && "Message requests (1)".equals(lookup("#requestsButton").queryButton().getText()));
            assertThat(onFx(screen::conversationNames)).as("not in the main list").isEmpty();
            assertThat(onFx(() -> stage.getTitle())).as("requests wait quietly").isEqualTo("Parley");

            clickOn("#requestsButton");
            waitUntil(() -> screen.conversationNames().equals(List.of("Dana Ruiz")));
            screen.open("Dana Ruiz");
            waitUntil(() -> showing("#requestBanner"));
            snapshot(Path.of("target", "screenshots", "message-request.png"));
            clickOn("#acceptButton");

            waitUntil(() -> !showing("#requestsBar") && screen.conversationNames().equals(List.of("Dana Ruiz")));
            for (int i = 0; i < 3; i++) {
                dana.send(conversation, "follow-up " + i);
            }
            assertThat(dana.history(conversation)).hasSize(4);
        }
    }

    @Test
    void deletingTheLastRequestGoesBackToTheChats() throws Exception {
        startServer();
        try (Peer alice = Peer.register(server.uri(), "alice", "Alice Liddell");
                Peer dana = Peer.register(server.uri(), "dana", "Dana Ruiz")) {
            dana.send(dana.open("alice"), "Cheap followers, DM me");
            launch(sessionOf(alice, "Alice Liddell"));
            waitUntil(() -> showing("#requestsBar"));
            clickOn("#requestsButton");
            waitUntil(() -> screen.conversationNames().equals(List.of("Dana Ruiz")));
            screen.open("Dana Ruiz");
            waitUntil(() -> showing("#requestBanner"));

            clickOn("#declineButton");

            waitUntil(() -> !showing("#requestsBar") && "Chats".equals(textOf(".conversations-title")));
            assertThat(onFx(screen::conversationNames)).isEmpty();
        }
    }

    @Test
    void choosingFriendsInThePrivacyDialogStopsStrangersAtTheServer() throws Exception {
        startServer();
        try (Peer alice = Peer.register(server.uri(), "alice", "Alice Liddell");
                Peer stranger = Peer.register(server.uri(), "stranger", "Some Stranger")) {
            launch(sessionOf(alice, "Alice Liddell"));
            waitUntil(screen::isShowing);

            clickOn("#accountMenu");
            clickOn("Privacy…");
            waitUntil(() -> lookup("#friends").tryQuery().isPresent()
                    && lookup("#everyone").queryAs(javafx.scene.control.RadioButton.class).isSelected());
            clickOn("#friends");
            clickButton("Save");
            waitUntil(() -> lookup("#friends").tryQuery().isEmpty());

            long conversation = stranger.open("alice");
            Throwable refused = catchThrowable(() -> stranger.send(conversation, "hey"));
            assertThat(refused).hasRootCauseInstanceOf(ProtocolException.class);
            assertThat(((ProtocolException) rootCause(refused)).code()).isEqualTo(ErrorCode.PRIVACY_DENIED);
            assertThat(alice.call(new Request.PrivacyGet(), Reply.Privacy.class).dmPolicy())
                    .isEqualTo(DmPolicy.FRIENDS);
        }
    }

    @Test
    void aRefusedMessageSaysWhyInPlainWords() throws Exception {
        startServer();
        try (Peer alice = Peer.register(server.uri(), "alice", "Alice Liddell");
                Peer bob = Peer.register(server.uri(), "bob", "Bob Marsh")) {
            bob.call(new Request.PrivacySet(DmPolicy.NO_ONE), Reply.Privacy.class);
            launch(sessionOf(alice, "Alice Liddell"));
            waitUntil(screen::isShowing);
            clickOn("#newMessageButton");
            clickOn("#handleField").write("bob").type(KeyCode.ENTER);
            waitUntil(() -> lookup("#peerName").tryQuery().isPresent()
                    && "Bob Marsh".equals(lookup("#peerName").queryLabeled().getText()));

            clickOn("#composer").write("Hi Bob!").type(KeyCode.ENTER);
            waitUntil(() -> screen.statusOf("Hi Bob!").equals("fth-alert-circle"));

            assertThat(onFx(() -> lookup(".bubble-failure").match(Label::isVisible).queryAs(Label.class).getText()))
                    .isEqualTo("Not delivered: this person's privacy settings don't allow your message right now.");
        }
    }
}
