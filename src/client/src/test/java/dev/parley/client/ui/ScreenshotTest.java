package dev.parley.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.AppOptions;
import dev.parley.client.testing.AppTest;
import dev.parley.client.testing.ChatScreen;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/**
 * Runs the demo the README starts and writes pictures of the main window, a group chat and the sign-in screen, to
 * {@code target/screenshots}, or to the folder named by {@code -Dparley.screenshots} (the README's
 * command points it at {@code docs/screenshots}).
 */
class ScreenshotTest extends AppTest {
    final ChatScreen screen = new ChatScreen(this);

    static Path outputDir() {
        String configured = System.getProperty("parley.screenshots");
        return configured == null || configured.isBlank() ? Path.of("target", "screenshots") : Path.of(configured);
    }

    @Test
    void demoMainWindowAndSignInScreen() throws Exception {
        launch(new AppOptions(null, dataDir(), false));
        waitUntil(() -> screen.isShowing() && screen.conversationNames().size() >= 6);
        screen.open("Maya Chen");
        clickOn("#composer").write("Morning! Is 9:30 still good for the shoot?").type(KeyCode.ENTER);
        waitUntil(() -> screen.bubbleTexts().size() >= 2 && !screen.bubbleTexts().get(screen.bubbleTexts().size() - 1)
                .equals("Morning! Is 9:30 still good for the shoot?"));
        Path main = outputDir().resolve("main-window.png");
        snapshot(main);
        screen.open("Saturday market crew");
        waitUntil(() -> screen.bubbleTexts().contains("Perfect. I'll pack the speckled bowls in the crates with lids then.")
                && "4 members".equals(textOf(".chat-peer-handle")));
        Path group = outputDir().resolve("group-chat.png");
        snapshot(group);
        quit();

        launch(new AppOptions(URI.create("ws://localhost:7447"), tempDir.resolve("fresh"), false));
        waitUntil(() -> showing("#handleField"));
        clickOn("#handleField").write("sam");
        Path signIn = outputDir().resolve("sign-in.png");
        snapshot(signIn);

        assertThat(Files.size(main)).isGreaterThan(10_000);
        assertThat(Files.size(signIn)).isGreaterThan(5_000);
        assertThat(Files.size(group)).isGreaterThan(10_000);
    }
}
