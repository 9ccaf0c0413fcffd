package dev.parley.client.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Asks the person where to save a file. The app uses the system's save dialog; tests supply a path, since a
 * native dialog is the one part of the desktop they cannot drive.
 */
@FunctionalInterface
public interface SaveLocation {

    /** The chosen file, or empty when the person cancelled. Called on the FX thread. */
    Optional<Path> choose(Window owner, String title, String suggestedName);

    /** The system's save dialog, through JavaFX. */
    static SaveLocation fileChooser() {
        return (owner, title, suggestedName) -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.setInitialFileName(suggestedName);
            return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
        };
    }
}
