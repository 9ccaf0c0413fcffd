package dev.parley.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.testing.AppTest;
import dev.parley.client.testing.ChatScreen;
import dev.parley.client.testing.Peer;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How Parley lives on the desktop: closing to the tray, and starting at login. */
class DesktopBehaviourTest extends AppTest {
    private final ChatScreen screen = new ChatScreen(this);
    private Peer alice;
    private Peer bob;

    @AfterEach
    void closePeople() {
        for (Peer peer : new Peer[] {bob, alice}) {
            if (peer != null) {
                peer.close();
            }
        }
    }

    private void aliceAndBob() throws Exception {
        startServer();
        alice = Peer.register(server.uri(), "alice", "Alice Liddell");
        bob = Peer.register(server.uri(), "bob", "Bob Marsh");
        Peer.befriend(alice, bob);
        launch(sessionOf(alice, "Alice Liddell"));
        waitUntil(() -> showing("#searchField"));
    }

    private void closeWindow() {
        interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
    }

    private void openSettingsAt(String section) {
        clickOn("#searchField");
        push(KeyCode.SHORTCUT, KeyCode.COMMA);
        waitUntil(() -> showing(".settings"));
        clickOn("#section-" + section);
    }

    @Test
    void withATrayClosingTheWindowHidesItAndTheTrayBringsItBack() throws Exception {
        trayAvailable = true;
        aliceAndBob();
        long withAlice = bob.open("alice");
        bob.send(withAlice, "Hi Alice");
        waitUntil(() -> screen.conversationNames().contains("Bob Marsh"));

        closeWindow();

        waitUntil(() -> !stage.isShowing());
        bob.send(withAlice, "Still there?");
        waitUntil(() -> notices.stream().anyMatch(notice -> notice.body().equals("Still there?")));
        interact(() -> trayActions.openWindow().run());
        waitUntil(() -> stage.isShowing() && "Still there?".equals(screen.preview("Bob Marsh")));
    }

    @Test
    void withCloseToTrayTurnedOffClosingTheWindowClosesIt() throws Exception {
        trayAvailable = true;
        aliceAndBob();
        openSettingsAt("notifications");
        waitUntil(() -> !lookup("#closeToTrayBox").queryAs(CheckBox.class).isDisabled()
                && lookup("#closeToTrayBox").queryAs(CheckBox.class).isSelected());
        clickOn("#closeToTrayBox");
        clickButton("Close");

        assertThat(onFx(() -> {
            WindowEvent close = new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST);
            stage.getOnCloseRequest().handle(close);
            return close.isConsumed();
        })).as("the close goes ahead").isFalse();
    }

    @Test
    void withoutATrayCloseToTrayIsOffWithTheReasonAndClosingClosesTheWindow() throws Exception {
        aliceAndBob();
        openSettingsAt("notifications");

        assertThat(onFx(() -> lookup("#closeToTrayBox").queryAs(CheckBox.class).isDisabled())).isTrue();
        assertThat(textOf("#closeToTrayExplain")).contains("no system tray");
        clickButton("Close");
        waitUntil(() -> !showing(".settings"));
        assertThat(onFx(() -> {
            WindowEvent close = new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST);
            stage.getOnCloseRequest().handle(close);
            return close.isConsumed();
        })).as("nothing keeps the window").isFalse();

        closeWindow();

        waitUntil(() -> !stage.isShowing());
    }

    @Test
    void startAtLoginWritesAndRemovesTheAutostartEntry() throws Exception {
        aliceAndBob();
        openSettingsAt("notifications");
        Path entry = autostartDir().resolve("parley.desktop");
        waitUntil(() -> !lookup("#startAtLoginBox").queryAs(CheckBox.class).isDisabled());

        clickOn("#startAtLoginBox");

        waitUntil(() -> Files.isRegularFile(entry));
        assertThat(Files.readString(entry)).contains("Exec=" + LAUNCHER + " --server " + server.uri());
        waitUntil(() -> !lookup("#startAtLoginBox").queryAs(CheckBox.class).isDisabled());
        clickOn("#startAtLoginBox");
        waitUntil(() -> !Files.exists(entry));
        assertThat(onFx(() -> lookup("#startAtLoginExplain").queryAs(Label.class).getText()))
                .isEqualTo("Parley starts when you log in to your desktop.");
    }
}
