package dev.parley.client.ui.settings;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.parley.client.settings.AppearanceSettings;
import dev.parley.client.settings.SystemColorScheme;
import dev.parley.client.settings.Theme;
import dev.parley.client.ui.ViewLoader;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * Applies the appearance to every window, live: the AtlantaFX theme as the user-agent stylesheet (light or dark)
 * and the text size as a style class on each scene's root ({@code appearance.css} sets the root font size, which
 * the em-based styles follow). Windows that open later, and roots that replace others, get it too. FX thread.
 */
public final class WindowAppearance {
    private static final String STYLESHEET = ViewLoader.stylesheet("settings/appearance.css");
    private static final String SIZE_CLASS = "text-size-";
    /** Marks the windows and scenes this instance watches (in their properties). */
    private final Object tracked = new Object();
    private final AppearanceSettings settings;
    private boolean disposed;

    private WindowAppearance(AppearanceSettings settings) {
        this.settings = settings;
    }

    /** Starts applying {@code settings} to every window, now and from now on. */
    public static WindowAppearance install(AppearanceSettings settings) {
        WindowAppearance appearance = new WindowAppearance(settings);
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(appearance::track);
            }
        });
        Window.getWindows().forEach(appearance::track);
        settings.darkProperty().addListener((obs, was, dark) -> appearance.applyTheme());
        settings.textSizeProperty().addListener((obs, old, size) -> List.copyOf(Window.getWindows())
                .forEach(window -> appearance.style(window.getScene())));
        settings.themeProperty().addListener((obs, old, theme) -> {
            if (theme == Theme.SYSTEM && !appearance.disposed) {
                appearance.askSystem();
            }
        });
        appearance.applyTheme();
        return appearance;
    }

    /** Asks the desktop whether it prefers dark colours, off the FX thread, and follows the answer. */
    public void askSystem() {
        CompletableFuture.supplyAsync(SystemColorScheme::prefersDark)
                .thenAccept(dark -> Platform.runLater(() -> settings.systemDarkProperty().set(dark)));
    }

    /** Stops applying (another instance takes over, as when tests start the app again in one JVM). */
    public void dispose() {
        disposed = true;
    }

    private void applyTheme() {
        if (disposed) {
            return;
        }
        Application.setUserAgentStylesheet(settings.darkProperty().get()
                ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }

    private void track(Window window) {
        if (disposed || window.getProperties().putIfAbsent(tracked, Boolean.TRUE) != null) {
            return;
        }
        window.sceneProperty().addListener((obs, old, scene) -> style(scene));
        style(window.getScene());
    }

    private void style(Scene scene) {
        if (scene == null || disposed) {
            return;
        }
        if (scene.getProperties().putIfAbsent(tracked, Boolean.TRUE) == null) {
            scene.rootProperty().addListener((obs, old, root) -> styleRoot(root));
        }
        if (!scene.getStylesheets().contains(STYLESHEET)) {
            scene.getStylesheets().add(STYLESHEET);
        }
        styleRoot(scene.getRoot());
    }

    private void styleRoot(Parent root) {
        if (root == null || disposed) {
            return;
        }
        root.getStyleClass().removeIf(name -> name.startsWith(SIZE_CLASS));
        root.getStyleClass().add(SIZE_CLASS + settings.textSizeProperty().get());
    }
}
