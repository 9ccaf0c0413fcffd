package dev.parley.client.ui.attach;

import dev.parley.client.ui.ViewLoader;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Asks the person for photos to attach. The app uses the system's open dialog; tests supply paths, since a
 * native dialog is the one part of the desktop they cannot drive.
 */
@FunctionalInterface
public interface PhotoChooser {

    /** The chosen files, or an empty list when the person cancelled. Called on the FX thread. */
    List<Path> choose(Window owner);

    /** The system's open dialog, through JavaFX, showing pictures and videos and allowing several. */
    static PhotoChooser fileChooser() {
        return owner -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(ViewLoader.text("attach.choose.title"));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(ViewLoader.text("attach.choose.images"),
                    "*.jpg", "*.jpeg", "*.png", "*.gif", "*.bmp", "*.webp", "*.JPG", "*.JPEG", "*.PNG", "*.mp4",
                    "*.m4v", "*.webm", "*.MP4"));
            List<File> files = chooser.showOpenMultipleDialog(owner);
            return files == null ? List.of() : files.stream().map(File::toPath).toList();
        };
    }
}
