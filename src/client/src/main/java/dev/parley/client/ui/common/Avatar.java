package dev.parley.client.ui.common;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;

/** A round avatar with initials on a colour picked from the handle, so a person keeps their colour. */
public final class Avatar extends StackPane {
    private static final int PALETTE_SIZE = 8;

    private final Circle circle = new Circle();
    private final Label initials = new Label();

    /** Avatar sizes; the initials' font size for each lives in the stylesheet. */
    public enum Size {
        LIST(42), HEADER(36);

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
        getChildren().addAll(circle, initials);
        setMinSize(size.pixels, size.pixels);
        setMaxSize(size.pixels, size.pixels);
        setAccessibleRole(javafx.scene.AccessibleRole.IMAGE_VIEW);
    }

    public void show(String handle, String displayName) {
        initials.setText(initialsOf(displayName == null || displayName.isBlank() ? handle : displayName));
        String tone = "avatar-tone-" + Math.floorMod(handle.hashCode(), PALETTE_SIZE);
        if (!getStyleClass().contains(tone)) {
            // Only when the person changes: removing and re-adding the class would flash the default fill.
            getStyleClass().removeIf(c -> c.startsWith("avatar-tone-"));
            getStyleClass().add(tone);
        }
        setAccessibleText(displayName);
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
