package dev.parley.client.ui.common;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;

/** A round avatar with initials on a colour picked from the handle, so a person keeps their colour. */
public final class Avatar extends StackPane {
    private static final int PALETTE_SIZE = 8;

    private final Circle circle = new Circle();
    private final Label initials = new Label();
    private final ImageView picture = new ImageView();
    private String handle;

    /** Avatar sizes; the initials' font size for each lives in the stylesheet. */
    public enum Size {
        LIST(42), HEADER(36), CARD(96), EDIT(112);

        final double pixels;

        Size(double pixels) {
            this.pixels = pixels;
        }
    }

    public Avatar(Size size) {
        circle.setRadius(size.pixels / 2);
        getStyleClass().addAll("avatar", "avatar-" + size.name().toLowerCase(Locale.ROOT));
        circle.getStyleClass().add("avatar-circle");
        initials.getStyleClass().add("avatar-initials");
        picture.setFitWidth(size.pixels);
        picture.setFitHeight(size.pixels);
        picture.setSmooth(true);
        picture.setClip(new Circle(size.pixels / 2, size.pixels / 2, size.pixels / 2));
        picture.setVisible(false);
        getChildren().addAll(circle, initials, picture);
        setMinSize(size.pixels, size.pixels);
        setMaxSize(size.pixels, size.pixels);
        setAccessibleRole(javafx.scene.AccessibleRole.IMAGE_VIEW);
    }

    public void show(String handle, String displayName) {
        if (!handle.equals(this.handle)) {
            showPicture(null);
        }
        this.handle = handle;
        initials.setText(initialsOf(displayName == null || displayName.isBlank() ? handle : displayName));
        String tone = "avatar-tone-" + Math.floorMod(handle.hashCode(), PALETTE_SIZE);
        if (!getStyleClass().contains(tone)) {
            // Only when the person changes: removing and re-adding the class would flash the default fill.
            getStyleClass().removeIf(c -> c.startsWith("avatar-tone-"));
            getStyleClass().add(tone);
        }
        setAccessibleText(displayName);
    }

    /** Shows a picture over the initials, or only the initials again with null. FX thread. */
    public void showPicture(Image image) {
        picture.setImage(image);
        picture.setVisible(image != null);
        initials.setVisible(image == null);
    }

    /** The handle shown now, so a picture arriving late can check it still belongs here. */
    public String handle() {
        return handle;
    }

    static String initialsOf(String name) {
        String[] words = name.trim().split("[\\s._-]+");
        String letters = Arrays.stream(words).filter(w -> !w.isEmpty() && Character.isLetterOrDigit(w.codePointAt(0)))
                .limit(2)
                .map(w -> w.substring(0, w.offsetByCodePoints(0, 1)))
                .collect(Collectors.joining());
        return letters.toUpperCase(Locale.ROOT);
    }
}
