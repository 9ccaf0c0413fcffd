package dev.parley.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.notify.InAppNotifier;
import dev.parley.client.notify.Notice;
import dev.parley.client.testing.AppTest;
import dev.parley.client.testing.ChatScreen;
import dev.parley.client.testing.Peer;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Notifications as Alice gets them while she chats with Bob and Carol writes too. */
class NotificationFlowTest extends AppTest {
    private static final Path SHOTS = Path.of("target", "screenshots");

    private final ChatScreen screen = new ChatScreen(this);
    private Peer alice;
    private Peer bob;
    private Peer carol;
    private long withBob;
    private long withCarol;

    @AfterEach
    void closePeople() {
        for (Peer peer : new Peer[] {carol, bob, alice}) {
            if (peer != null) {
                peer.close();
            }
        }
    }

    private void aliceReadsBobWhileCarolWrites() throws Exception {
        startServer();
        alice = Peer.register(server.uri(), "alice", "Alice Liddell");
        bob = Peer.register(server.uri(), "bob", "Bob Marsh");
        carol = Peer.register(server.uri(), "carol", "Carol Reed");
        Peer.befriend(alice, bob);
        Peer.befriend(alice, carol);
        withBob = bob.open("alice");
        withCarol = carol.open("alice");
        bob.send(withBob, "Lunch?");
        carol.send(withCarol, "Hello Alice");
        launch(sessionOf(alice, "Alice Liddell"));
        screen.open("Bob Marsh");
    }

    @Test
    void withoutATrayNotificationsPopUpInsideTheApp() throws Exception {
        aliceReadsBobWhileCarolWrites();

        carol.send(withCarol, "Are you coming tonight?");

        waitUntil(() -> notices.size() == 1);
        assertThat(chosenNotifier).isInstanceOf(InAppNotifier.class);
        waitUntil(() -> popupTexts().contains("Are you coming tonight?"));
        assertThat(popupTexts()).contains("Carol Reed");
        javafx.scene.Scene popup = onFx(() -> Window.getWindows().stream().filter(window -> window != stage)
                .map(Window::getScene).filter(scene -> scene != null && !scene.getRoot().lookupAll(".label").isEmpty())
                .findFirst().orElseThrow());
        snapshot(popup, SHOTS.resolve("notification-popup.png"));
    }

    @Test
    void aMessageInABackgroundChatNotifiesOnceAndTheOpenChatNever() throws Exception {
        aliceReadsBobWhileCarolWrites();

        carol.send(withCarol, "Are you coming tonight?");
        waitUntil(() -> notices.size() == 1);
        bob.send(withBob, "Pizza or sushi?");
        waitUntil(() -> screen.showsBubble("Pizza or sushi?"));

        assertThat(notices).singleElement().satisfies(notice -> {
            assertThat(notice.conversationId()).isEqualTo(withCarol);
            assertThat(notice.title()).isEqualTo("Carol Reed");
            assertThat(notice.body()).isEqualTo("Are you coming tonight?");
            assertThat(notice.quiet()).isFalse();
        });
        Notice fromCarol = notices.get(0);
        interact(() -> fromCarol.onClick().run());
        waitUntil(() -> screen.showsBubble("Are you coming tonight?"));
    }

    @Test
    void aMutedChatAndDoNotDisturbStaySilent() throws Exception {
        aliceReadsBobWhileCarolWrites();
        screen.open("Carol Reed");
        chooseMenuItem("#chatMenu", "Mute notifications", "For 8 hours");
        screen.open("Bob Marsh");

        carol.send(withCarol, "Muted one");
        waitUntil(() -> "Muted one".equals(screen.preview("Carol Reed")));
        assertThat(notices).isEmpty();

        screen.open("Carol Reed");
        assertThat(menuTexts("#chatMenu", "Mute notifications"))
                .anySatisfy(text -> assertThat(text).startsWith("Muted until")).contains("Unmute");
        chooseMenuItem("#chatMenu", "Mute notifications", "Unmute");
        chooseMenuItem("#accountMenu", "Notifications", "Do not disturb for 1 hour");
        screen.open("Bob Marsh");
        carol.send(withCarol, "During do not disturb");
        waitUntil(() -> "During do not disturb".equals(screen.preview("Carol Reed")));
        assertThat(notices).isEmpty();

        chooseMenuItem("#accountMenu", "Notifications", "Turn off Do not disturb");
        carol.send(withCarol, "Back to normal");
        waitUntil(() -> notices.size() == 1);
        assertThat(notices.get(0).body()).isEqualTo("Back to normal");
    }

    @Test
    void hiddenPreviewsSayOnlyNewMessage() throws Exception {
        aliceReadsBobWhileCarolWrites();
        chooseMenuItem("#accountMenu", "Notifications", "Show message previews");

        carol.send(withCarol, "A secret plan");

        waitUntil(() -> notices.size() == 1);
        assertThat(notices.get(0).title()).isEqualTo("Carol Reed");
        assertThat(notices.get(0).body()).isEqualTo("New message");
    }

    /** The texts of the labels in the app's notification popups. */
    private java.util.List<String> popupTexts() throws Exception {
        return onFx(() -> Window.getWindows().stream().filter(window -> window != stage)
                .filter(window -> window.getScene() != null)
                .flatMap(window -> window.getScene().getRoot().lookupAll(".label").stream())
                .map(node -> ((Label) node).getText()).filter(text -> text != null).toList());
    }
}
