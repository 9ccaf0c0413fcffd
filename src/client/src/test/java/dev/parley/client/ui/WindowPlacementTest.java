package dev.parley.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.testing.AliceAndBobTest;
import javafx.scene.control.SplitPane;
import org.junit.jupiter.api.Test;

/** The window's size, place and the list/chat divider come back after a restart. */
class WindowPlacementTest extends AliceAndBobTest {

    @Test
    void sizePositionAndDividerSurviveARestart() throws Exception {
        aliceChatsWithBob("Hi");
        interact(() -> {
            stage.setX(40);
            stage.setY(30);
            stage.setWidth(900);
            stage.setHeight(640);
        });
        interact(() -> lookup(".split-pane").queryAs(SplitPane.class).setDividerPositions(0.42));

        quit();
        assertThat(java.nio.file.Files.readString(dataDir().resolve("window.properties"))).contains("width=900");
        launch(sessionOf(alice, "Alice Liddell"));

        waitUntil(() -> stage.getWidth() == 900 && stage.getHeight() == 640);
        assertThat(stage.getX()).isEqualTo(40);
        assertThat(stage.getY()).isEqualTo(30);
        waitUntil(() -> Math.abs(onFx(() -> lookup(".split-pane").queryAs(SplitPane.class).getDividerPositions()[0])
                - 0.42) < 0.01);
    }
}
