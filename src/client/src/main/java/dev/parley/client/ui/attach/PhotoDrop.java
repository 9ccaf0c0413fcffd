package dev.parley.client.ui.attach;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javax.imageio.ImageIO;

/**
 * Drag-and-drop and paste of photos onto the chat pane, in one handler: while files are dragged over the pane it
 * shows the {@code :drop-target} highlight, and what is dropped or pasted goes to the tray like chosen files.
 */
public final class PhotoDrop {
    static final PseudoClass DROP_TARGET = PseudoClass.getPseudoClass("drop-target");

    private static final String PASTED_NAME = "pasted.png";

    private final AttachViewModel model;
    private final Node target;

    PhotoDrop(AttachViewModel model, Node target) {
        this.model = model;
        this.target = target;
        target.addEventHandler(DragEvent.DRAG_OVER, this::dragOver);
        target.addEventHandler(DragEvent.DRAG_ENTERED, event -> highlight(accepts(event.getDragboard())));
        target.addEventHandler(DragEvent.DRAG_EXITED, event -> highlight(false));
        target.addEventHandler(DragEvent.DRAG_DROPPED, this::dragDropped);
        // A filter, so Ctrl+V with a picture works while the composer has focus; text still pastes as text.
        target.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
        target.getProperties().put(PhotoDrop.class, this);
    }

    private static boolean accepts(Dragboard board) {
        return board.hasFiles() || board.hasImage();
    }

    private void dragOver(DragEvent event) {
        if (event.getGestureSource() == null && accepts(event.getDragboard())) {
            event.acceptTransferModes(TransferMode.COPY);
            event.consume();
        }
    }

    private void dragDropped(DragEvent event) {
        Dragboard board = event.getDragboard();
        boolean taken = take(board.hasFiles() ? board.getFiles() : List.of(), board.hasImage() ? board.getImage() : null);
        highlight(false);
        event.setDropCompleted(taken);
        event.consume();
    }

    private void keyPressed(KeyEvent event) {
        if (event.getCode() == KeyCode.V && event.isShortcutDown()) {
            Clipboard clipboard = Clipboard.getSystemClipboard();
            boolean pictureOnly = clipboard.hasImage() && !clipboard.hasString();
            if (clipboard.hasFiles() || pictureOnly) {
                take(clipboard.hasFiles() ? clipboard.getFiles() : List.of(), pictureOnly ? clipboard.getImage() : null);
                event.consume();
            }
        }
    }

    /**
     * What a drop or a paste hands over: files, else a picture as pixels. The drag and paste handlers call this;
     * tests call it too, because a headless toolkit cannot produce a drag from the operating system.
     */
    public boolean take(List<File> files, Image picture) {
        if (!files.isEmpty()) {
            model.addFiles(files.stream().map(File::toPath).toList());
            return true;
        }
        if (picture != null) {
            model.addPicture(() -> png(picture), PASTED_NAME);
            return true;
        }
        return false;
    }

    /** Files dropped onto the pane: the same as {@link #take} with files only. */
    public void dropFiles(List<Path> files) {
        take(files.stream().map(Path::toFile).toList(), null);
    }

    private void highlight(boolean on) {
        target.pseudoClassStateChanged(DROP_TARGET, on);
    }

    /** A pasted picture has no file; PNG keeps every pixel for the pipeline to work from. */
    private static byte[] png(Image picture) {
        BufferedImage image = SwingFXUtils.fromFXImage(picture, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a pasted picture in memory", e);
        }
        return out.toByteArray();
    }
}
