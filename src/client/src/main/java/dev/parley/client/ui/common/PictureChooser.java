package dev.parley.client.ui.common;

import dev.parley.client.ui.ViewLoader;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Asks the person for a picture file to open. The app uses the system's open dialog; tests supply a path, since
 * a native dialog is the one part of the desktop they cannot drive.
 */
@FunctionalInterface
public interface PictureChooser {

    /** The chosen file, or empty when the person cancelled. Called on the FX thread. */
    Optional<Path> choose(Window owner);

    /** The system's open dialog, through JavaFX, showing images only. */
    static PictureChooser fileChooser() {
        return owner -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(ViewLoader.text("profile.edit.photo.title"));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                    ViewLoader.text("profile.edit.photo.images"), "*.jpg", "*.jpeg", "*.png", "*.gif", "*.bmp"));
            return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
        };
    }
}
