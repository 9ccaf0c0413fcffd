package dev.parley.client;

import atlantafx.base.theme.PrimerLight;
import dev.parley.client.ui.attach.PhotoChooser;
import dev.parley.client.ui.chat.SystemBrowser;
import dev.parley.client.ui.common.PictureChooser;
import dev.parley.client.ui.common.SaveLocation;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/** The JavaFX application: sets the theme and hands the window to {@link Screens}. */
public final class ParleyApp extends Application {
    private Screens screens;

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        screens = new Screens(stage, AppOptions.get(), new SystemBrowser(getHostServices()),
                SaveLocation.fileChooser(), PictureChooser.fileChooser(), PhotoChooser.fileChooser(),
                dev.parley.client.notify.NotifierChoice.desktop());
        // Shown once it is where it was last time (or centred), so it never jumps.
        screens.start().whenComplete((placed, error) -> Platform.runLater(stage::show));
    }

    @Override
    public void stop() {
        screens.close();
    }
}
