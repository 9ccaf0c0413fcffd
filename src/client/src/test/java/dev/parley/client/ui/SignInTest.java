package dev.parley.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.account.SavedSession;
import dev.parley.client.testing.AppTest;
import dev.parley.client.testing.ChatScreen;
import dev.parley.client.testing.Peer;
import java.net.URI;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

class SignInTest extends AppTest {

    @Test
    void wrongThenRightPasswordShowsTheErrorThenTheMainWindow() throws Exception {
        startServer();
        Peer.register(server.uri(), "alice", "Alice Liddell").close();
        launch((SavedSession) null);

        clickOn("#handleField").write("alice");
        clickOn("#passwordField").write("not-her-password").type(KeyCode.ENTER);
        waitUntil(() -> showing("#errorBox"));
        String error = textOf("#errorLabel");

        clickOn("#passwordField").push(KeyCode.SHORTCUT, KeyCode.A).write("password-alice");
        clickOn("#submitButton");
        ChatScreen screen = new ChatScreen(this);
        waitUntil(screen::isShowing);

        assertThat(error).isEqualTo("Wrong handle or password.");
        assertThat(SavedSession.load(dataDir())).hasValueSatisfying(saved -> assertThat(saved.handle())
                .isEqualTo("alice"));
    }

    @Test
    void anUnreachableServerSaysSoAndOffersRetry() throws Exception {
        startServer();
        URI nowhere = server.uri();
        server.stop();
        launch((SavedSession) null);

        clickOn("#handleField").write("alice");
        clickOn("#passwordField").write("password-alice").type(KeyCode.ENTER);
        waitUntil(() -> showing("#retryButton"));

        assertThat(textOf("#errorLabel")).startsWith("Can't reach the server at " + nowhere);
    }

    @Test
    void aTakenHandleIsReportedWhenCreatingAnAccount() throws Exception {
        startServer();
        Peer.register(server.uri(), "alice", "Alice Liddell").close();
        launch((SavedSession) null);

        clickOn("#switchLink");
        clickOn("#displayNameField").write("Another Alice");
        clickOn("#handleField").write("alice");
        clickOn("#passwordField").write("long enough").type(KeyCode.ENTER);
        waitUntil(() -> showing("#errorBox"));

        assertThat(textOf("#errorLabel")).isEqualTo("That handle is taken. Try another one.");
    }
}
