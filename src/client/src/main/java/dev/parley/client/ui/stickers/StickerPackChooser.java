package dev.parley.client.ui.stickers;

import dev.parley.client.ui.ViewLoader;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Asks the person for a sticker pack to import: a .zip, or a folder of pictures. The app uses the system's open
 * dialog; tests supply a path, since a native dialog is the one part of the desktop they cannot drive.
 */
@FunctionalInterface
public interface StickerPackChooser {

    /** The chosen zip or folder, or empty when the person cancelled. Called on the FX thread. */
    Optional<Path> choose(Window owner);

    /**
     * The system's open dialog for a .zip; a folder is chosen by opening any picture in it (JavaFX has no dialog
     * that offers folders and files at once), so a picture's folder is imported whole.
     */
    static StickerPackChooser fileChooser() {
        return owner -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(ViewLoader.text("stickers.import.title"));
            chooser.getExtensionFilters().addAll(
                    new FileChooser.ExtensionFilter(ViewLoader.text("stickers.import.zip"), "*.zip", "*.ZIP"),
                    new FileChooser.ExtensionFilter(ViewLoader.text("attach.choose.images"), "*.png", "*.gif",
                            "*.webp", "*.PNG", "*.GIF", "*.WEBP"));
            File file = chooser.showOpenDialog(owner);
            if (file == null) {
                return Optional.empty();
            }
            Path path = file.toPath();
            return Optional.of(path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip")
                    ? path : path.getParent());
        };
    }
}
