package dev.parley.client.ui.common;

import javafx.scene.control.Label;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * A SHA-256 fingerprint shown in two rows of 16 pairs, or in four rows of 8 where two do not fit (large text,
 * a narrow window): never cut short with "…", since a person compares it character for character.
 */
public final class FingerprintLabel extends Label {
    private final String fingerprint;
    /** The width the two-row form needs in the current font, padding included. */
    private double twoRowsWidth;

    public FingerprintLabel(String fingerprint) {
        this.fingerprint = fingerprint;
        setText(Fingerprint.twoLines(fingerprint));
        setAccessibleText(fingerprint);
        // Take the width offered, so the rows follow the space and not the other way round.
        setMaxWidth(Double.MAX_VALUE);
        fontProperty().addListener((obs, old, font) -> measure());
        paddingProperty().addListener((obs, old, padding) -> measure());
        widthProperty().addListener((obs, old, width) -> fit());
        measure();
    }

    private void measure() {
        double padding = snappedLeftInset() + snappedRightInset();
        twoRowsWidth = width(Fingerprint.rows(fingerprint, 16), getFont()) + padding;
        setMinWidth(width(Fingerprint.rows(fingerprint, 8), getFont()) + padding);
        fit();
    }

    private void fit() {
        if (getWidth() > 0) {
            setText(Fingerprint.rows(fingerprint, getWidth() >= twoRowsWidth ? 16 : 8));
        }
    }

    private static double width(String rows, Font font) {
        Text probe = new Text(rows);
        probe.setFont(font);
        return Math.ceil(probe.getLayoutBounds().getWidth());
    }
}
