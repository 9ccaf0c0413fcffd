package dev.parley.client;

import dev.parley.client.notify.NotifierChoice;
import dev.parley.client.settings.AppearanceSettings;
import dev.parley.client.settings.Autostart;
import dev.parley.client.settings.SystemColorScheme;
import dev.parley.client.settings.Theme;
import dev.parley.client.ui.attach.PhotoChooser;
import dev.parley.client.ui.chat.SystemBrowser;
import dev.parley.client.ui.common.PictureChooser;
import dev.parley.client.ui.common.SaveLocation;
import dev.parley.client.ui.settings.WindowAppearance;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/** The JavaFX application: applies the appearance before the first window and hands the window to {@link Screens}. */
public final class ParleyApp extends Application {
    private Screens screens;
    private AppearanceSettings appearance;

    /** On the launcher thread, not the FX thread: the settings file and the desktop's colour scheme are read here. */
    @Override
    public void init() throws java.io.IOException {
        // Messages, the session token and pinned certificates live here: readable by this user only.
        dev.parley.client.net.PrivateFiles.createDirectory(AppOptions.get().dataDir());
        appearance = AppearanceSettings.readNow(AppOptions.get().dataDir());
        if (appearance.themeProperty().get() == Theme.SYSTEM) {
            appearance.systemDarkProperty().set(SystemColorScheme.prefersDark());
        }
    }

    @Override
    public void start(Stage stage) {
        WindowAppearance.install(appearance);
        AppOptions options = AppOptions.get();
        screens = new Screens(stage, options, new SystemBrowser(getHostServices()),
                SaveLocation.fileChooser(), PictureChooser.fileChooser(), PhotoChooser.fileChooser(),
                NotifierChoice.desktop(), appearance,
                Autostart.of(launcherArguments(options)));
        // Shown once it is where it was last time (or centred), so it never jumps.
        screens.start().whenComplete((placed, error) -> Platform.runLater(stage::show));
    }

    /** The options this run was started with, for starting the same way at login. */
    private static List<String> launcherArguments(AppOptions options) {
        List<String> arguments = new ArrayList<>();
        if (!options.demo()) {
            arguments.addAll(List.of("--server", options.server().toString()));
        }
        if (!options.dataDir().equals(AppOptions.defaultDataDir())) {
            arguments.addAll(List.of("--data-dir", options.dataDir().toAbsolutePath().toString()));
        }
        return arguments;
    }

    @Override
    public void stop() {
        screens.close();
    }
}
