package dev.parley.client.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.parley.client.testing.AliceAndBobTest;
import java.nio.file.Files;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.stage.Screen;
import org.junit.jupiter.api.Test;

/** The window's size, place, maximised state and the list's width come back after a restart. */
class WindowPlacementTest extends AliceAndBobTest {

    @Test
    void sizePositionAndListWidthSurviveARestart() throws Exception {
        aliceChatsWithBob("Hi");
        interact(() -> {
            stage.setX(40);
            stage.setY(30);
            stage.setWidth(900);
            stage.setHeight(640);
        });
        interact(() -> split().setDividerPositions(0.42));
        waitUntil(() -> Math.abs(listWidth() - 0.42 * split().getWidth()) < 12);
        double listWidth = onFx(this::listWidth);

        quit();
        assertThat(Files.readString(dataDir().resolve("window.properties"))).contains("width=900.0", "x=40.0");
        launch(sessionOf(alice, "Alice Liddell"));

        assertThat(onFx(() -> new double[] {stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()}))
                .containsExactly(40, 30, 900, 640);
        waitUntil(() -> split().getWidth() > 0);
        waitUntil(() -> Math.abs(listWidth() - listWidth) < 1);
        assertThat(onFx(() -> split().getDividerPositions()[0])).isCloseTo(0.42, within(0.01));
    }

    @Test
    void maximisedWindowComesBackMaximisedAndRestoresToItsSize() throws Exception {
        aliceChatsWithBob("Hi");
        interact(() -> {
            stage.setX(60);
            stage.setY(50);
            stage.setWidth(880);
            stage.setHeight(600);
        });
        interact(() -> stage.setMaximized(true));
        waitUntil(() -> stage.isMaximized());

        quit();
        assertThat(Files.readString(dataDir().resolve("window.properties")))
                .contains("maximized=true", "width=880.0", "height=600.0", "x=60.0", "y=50.0");
        launch(sessionOf(alice, "Alice Liddell"));

        assertThat(onFx(stage::isMaximized)).isTrue();
        interact(() -> stage.setMaximized(false));
        waitUntil(() -> !stage.isMaximized());
        assertThat(onFx(() -> new double[] {stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()}))
                .containsExactly(60, 50, 880, 600);
    }

    @Test
    void windowLastSeenOnAMissingScreenOpensCentredWithItsSize() throws Exception {
        startServer();
        Files.createDirectories(dataDir());
        // Saved on a second monitor to the right that is no longer connected.
        Files.writeString(dataDir().resolve("window.properties"),
                "x=4000\ny=200\nwidth=860\nheight=620\nmaximized=false\nlistWidth=300\n");

        launch((dev.parley.client.account.SavedSession) null);

        Rectangle2D screen = onFx(() -> Screen.getPrimary().getVisualBounds());
        assertThat(onFx(stage::getWidth)).isEqualTo(860);
        assertThat(onFx(stage::getHeight)).isEqualTo(620);
        assertThat(onFx(stage::getX)).isCloseTo(screen.getMinX() + (screen.getWidth() - 860) / 2, within(1.0));
        assertThat(onFx(() -> screen.contains(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight())))
                .isTrue();
    }

    private SplitPane split() {
        return lookup(".main-split").queryAs(SplitPane.class);
    }

    /** The conversation list's width, as a person sees it. */
    private double listWidth() {
        Node list = lookup(".conversations-pane").query();
        return list.getLayoutBounds().getWidth();
    }
}
