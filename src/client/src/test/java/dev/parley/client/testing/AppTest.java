package dev.parley.client.testing;

import static org.awaitility.Awaitility.await;

import atlantafx.base.theme.PrimerLight;
import dev.parley.client.AppOptions;
import dev.parley.client.Screens;
import dev.parley.client.account.SavedSession;
import dev.parley.client.ui.common.SaveLocation;
import java.awt.image.BufferedImage;
import java.io.IOException;
import dev.parley.client.notify.Notice;
import dev.parley.client.notify.Notifier;
import dev.parley.client.notify.NotifierChoice;
import dev.parley.client.notify.TrayNotifier;
import dev.parley.client.settings.AppearanceSettings;
import dev.parley.client.settings.Autostart;
import dev.parley.client.ui.settings.WindowAppearance;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Base of the UI tests: a real server, the real app screens in a real (headless) JavaFX window, and a
 * temp data directory per test.
 */
public abstract class AppTest extends FxRobot {
    protected static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    protected Path tempDir;
    protected TestServer server;
    protected Screens screens;
    protected Stage stage;
    /** Links the app was asked to open in a browser; tests never start a real one. */
    protected final List<URI> openedLinks = new CopyOnWriteArrayList<>();
    /** Every notification the app showed, in order; {@link #chosenNotifier} is where they really went. */
    protected final List<Notice> notices = new CopyOnWriteArrayList<>();
    protected volatile Notifier chosenNotifier;
    /** Where the app saves files: the system's save dialog cannot be driven, so they go to the temp dir. */
    protected final SaveLocation saveLocation = (owner, title, suggestedName) ->
            Optional.of(tempDir.resolve(suggestedName));
    /** The picture "Choose photo…" picks: the system's open dialog cannot be driven either. */
    protected volatile Path pictureToChoose;
    /** The photos the attach button picks, for the same reason. */
    protected volatile List<Path> photosToChoose = List.of();
    /** Whether the desktop has a system tray (headless never has; a test can pretend it has). */
    protected volatile boolean trayAvailable;
    /** What the tray's menu does, as the app gave it to the notifier. */
    protected volatile TrayNotifier.Actions trayActions;
    /** The launcher that start at login runs, as an installed app would have. */
    protected static final String LAUNCHER = "/opt/parley/bin/Parley";
    private WindowAppearance windowAppearance;
    /** The folder or zip the Stickers tab's Import button picks, for the same reason. */
    protected volatile Path stickerPackToChoose;

    @BeforeAll
    static void toolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    protected Path dataDir() {
        return tempDir.resolve("app");
    }

    protected TestServer startServer() {
        server = new TestServer(tempDir.resolve("server"));
        return server;
    }

    /** A server with these per-account limits (to see what a person sees when slowed down). */
    protected TestServer startServer(dev.parley.server.social.AccountLimits.Rates rates) {
        server = new TestServer(tempDir.resolve("server"), rates);
        return server;
    }

    /** Opens the app as if started with {@code --server} (and the given saved session, if any). */
    protected void launch(SavedSession saved) throws Exception {
        if (saved != null) {
            saved.save(dataDir());
        }
        launch(new AppOptions(server.uri(), dataDir(), false));
    }

    /** The clock the app's session runs on; a test overrides it to move time by hand. */
    protected java.time.Clock clock() {
        return java.time.Clock.systemUTC();
    }

    /** Where start at login writes its entry: the test's own folder. */
    protected Path autostartDir() {
        return tempDir.resolve("autostart");
    }

    protected void launch(AppOptions options) throws TimeoutException {
        // Read off the FX thread before the window shows, as the app does.
        AppearanceSettings appearance = AppearanceSettings.readNow(options.dataDir());
        Autostart autostart = new Autostart(autostartDir(), options.demo() ? List.of(LAUNCHER)
                : List.of(LAUNCHER, "--server", options.server().toString()), true);
        var placed = new java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<Void>>();
        stage = FxToolkit.setupStage(window -> {
            windowAppearance = WindowAppearance.install(appearance);
            screens = new Screens(window, options, openedLinks::add, saveLocation,
                    owner -> Optional.ofNullable(pictureToChoose), owner -> photosToChoose, (owner, actions) -> {
                        trayActions = actions;
                        chosenNotifier = trayAvailable ? new FakeTray() : NotifierChoice.desktop().choose(owner, actions);
                        return new RecordingNotifier(chosenNotifier, notices);
                    }, appearance, autostart, owner -> Optional.ofNullable(stickerPackToChoose)).withClock(clock());
            placed.set(screens.start());
        });
        // The app sizes and places its window (the saved place, or 1080 × 720 centred); shown as the app does.
        try {
            placed.get().get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("the window was not placed", e);
        }
        interact(() -> {
            stage.show();
            stage.toFront();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Closes the app's sessions, like quitting; the window stays for the next launch. */
    protected void quit() {
        if (screens != null) {
            Screens closing = screens;
            screens = null;
            interact(() -> { });
            closing.close();
        }
        if (windowAppearance != null) {
            windowAppearance.dispose();
            windowAppearance = null;
        }
    }

    @AfterEach
    void tearDownApp() throws TimeoutException {
        quit();
        // Recent emoji and stickers are saved in the background: let that finish before the folder goes.
        dev.parley.client.emoji.EmojiMemory.saved().join();
        dev.parley.client.stickers.StickerMemory.saved().join();
        interact(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
        FxToolkit.cleanupStages();
        if (server != null) {
            server.stop();
        }
    }

    protected SavedSession sessionOf(Peer peer, String displayName) {
        return new SavedSession(server.uri(), peer.handle(), displayName, peer.token());
    }

    /** Waits (polling, never sleeping blindly) until a condition read on the FX thread holds. */
    protected void waitUntil(Callable<Boolean> condition) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> onFx(condition));
    }

    /** Waits until a value read on the FX thread equals {@code expected}; a timeout names the last value read. */
    protected <T> void waitUntilEquals(Callable<T> read, T expected) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> org.assertj.core.api.Assertions.assertThat(onFx(read)).isEqualTo(expected));
    }

    /** The text of the first control matching the query that a person can see now, or empty. */
    protected String visibleText(String query) throws Exception {
        return onFx(() -> lookup(query).match(AppTest::showsWithParents).tryQuery()
                .map(node -> ((Labeled) node).getText()).orElse(""));
    }

    /** Visible, and so is everything it sits in (chat rows keep their cards, hidden unless used). */
    protected static boolean showsWithParents(Node node) {
        if (node.getScene() == null) {
            return false;
        }
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }

    protected <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }

    /**
     * Clicks the button with this text that a person can see now. A plain {@code clickOn("Cancel")} may find a
     * hidden one (the photo tray keeps its buttons while it is closed) and click nothing.
     */
    protected void clickButton(String text) {
        waitUntil(() -> lookup(".button").match(node -> text.equals(((Labeled) node).getText())
                && treeVisible(node)).tryQuery().isPresent());
        clickOn(lookup(".button").match(node -> text.equals(((Labeled) node).getText()) && treeVisible(node))
                .queryButton());
    }

    private static boolean treeVisible(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    /**
     * Chooses an item in a menu button's menu by the texts along its path (for example "Mute notifications",
     * "For 8 hours"). Monocle cannot open nested menu popups, so the item is fired as a click on it would.
     */
    protected void chooseMenuItem(String menuButton, String... path) {
        interact(() -> {
            var items = lookup(menuButton).queryAs(javafx.scene.control.MenuButton.class).getItems();
            javafx.scene.control.MenuItem found = null;
            for (String text : path) {
                found = items.stream().filter(item -> text.equals(item.getText())).findFirst()
                        .orElseThrow(() -> new AssertionError("no menu item " + text + " in " + menuButton));
                if (found instanceof javafx.scene.control.Menu submenu) {
                    if (submenu.getOnShowing() != null) {
                        submenu.getOnShowing().handle(new javafx.event.Event(javafx.scene.control.Menu.ON_SHOWING));
                    }
                    items = submenu.getItems();
                }
            }
            if (found instanceof javafx.scene.control.CheckMenuItem check) {
                // A click on a check item toggles it (its skin does that, not fire()).
                check.setSelected(!check.isSelected());
            }
            found.fire();
        });
    }

    /** The texts of the visible items of a menu button's (sub)menu, after it refreshed them. */
    protected java.util.List<String> menuTexts(String menuButton, String submenu) throws Exception {
        return onFx(() -> {
            var menu = (javafx.scene.control.Menu) lookup(menuButton).queryAs(javafx.scene.control.MenuButton.class)
                    .getItems().stream().filter(item -> submenu.equals(item.getText())).findFirst().orElseThrow();
            if (menu.getOnShowing() != null) {
                menu.getOnShowing().handle(new javafx.event.Event(javafx.scene.control.Menu.ON_SHOWING));
            }
            return menu.getItems().stream().filter(javafx.scene.control.MenuItem::isVisible)
                    .map(javafx.scene.control.MenuItem::getText).filter(java.util.Objects::nonNull).toList();
        });
    }

    /** The label of a visible item in an open menu or context menu, to click on. */
    protected Node menuLabel(String text) {
        waitUntil(() -> lookup(".context-menu .menu-item .label").match(node -> node.isVisible()
                && text.equals(((Labeled) node).getText())).tryQuery().isPresent());
        return lookup(".context-menu .menu-item .label").match(node -> node.isVisible()
                && text.equals(((Labeled) node).getText())).query();
    }

    /** Whether a person can see the node now: it and everything it sits in are visible. */
    protected boolean seen(String query) {
        return lookup(query).match(AppTest::treeVisible).tryQuery().isPresent();
    }

    protected boolean showing(String query) {
        return lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }

    protected String textOf(String query) throws Exception {
        return onFx(() -> lookup(query).queryAs(Labeled.class).getText());
    }

    /** The innermost cause, e.g. the ProtocolException inside a failed future's wrappers. */
    protected static Throwable rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** Writes what the window shows now to a PNG. */
    protected void snapshot(Path file) throws Exception {
        snapshot(stage.getScene(), file);
    }

    /** Writes what a scene (e.g. a dialog's) shows now to a PNG. */
    protected void snapshot(Scene scene, Path file) throws Exception {
        BufferedImage image = onFx(() -> SwingFXUtils.fromFXImage(scene.snapshot(null), null));
        Files.createDirectories(file.getParent());
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
    }
}
