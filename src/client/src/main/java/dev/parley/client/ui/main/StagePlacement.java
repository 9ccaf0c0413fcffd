package dev.parley.client.ui.main;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Puts the main window where a {@link WindowPlacement} says, and follows its normal (not maximised) bounds so
 * they can be saved even while it is maximised. FX thread only.
 */
public final class StagePlacement {
    /** The size of a first start, or of a window whose saved place is unusable. */
    static final double DEFAULT_WIDTH = 1080;
    static final double DEFAULT_HEIGHT = 720;
    /** How much of a window's title bar must be on a screen for the window to go back there. */
    private static final double GRIP_WIDTH = 120;
    private static final double GRIP_HEIGHT = 24;

    private final Stage stage;
    private Rectangle2D normal;

    public StagePlacement(Stage stage) {
        this.stage = stage;
        // Glass reports "maximised" before the new size and place, so a change seen while not maximised (nor
        // minimised) is the user's own resizing or moving.
        stage.xProperty().addListener((obs, old, value) -> follow());
        stage.yProperty().addListener((obs, old, value) -> follow());
        stage.widthProperty().addListener((obs, old, value) -> follow());
        stage.heightProperty().addListener((obs, old, value) -> follow());
    }

    /** Puts the window where it was, if that is still on a connected screen, or centred on the main screen. */
    public void apply(WindowPlacement placement) {
        Rectangle2D saved = new Rectangle2D(placement.x(), placement.y(), placement.width(), placement.height());
        Screen screen = screenShowingTitleBarOf(saved);
        stage.setMaximized(false);
        if (screen == null) {
            size(placement.width(), placement.height(), Screen.getPrimary().getVisualBounds());
            stage.centerOnScreen();
        } else {
            size(placement.width(), placement.height(), screen.getVisualBounds());
            stage.setX(placement.x());
            stage.setY(placement.y());
        }
        normal = bounds();
        stage.setMaximized(placement.maximized());
    }

    /** The default size, centred on the main screen: the first start, or nothing usable was saved. */
    public void applyDefault() {
        stage.setMaximized(false);
        size(DEFAULT_WIDTH, DEFAULT_HEIGHT, Screen.getPrimary().getVisualBounds());
        stage.centerOnScreen();
        normal = bounds();
    }

    /** Where the window is now, with its normal bounds if it is maximised; {@code listWidth} as given. */
    public WindowPlacement current(double listWidth) {
        Rectangle2D bounds = normal != null ? normal : bounds();
        return new WindowPlacement(bounds.getMinX(), bounds.getMinY(), bounds.getWidth(), bounds.getHeight(),
                stage.isMaximized(), listWidth);
    }

    private void follow() {
        if (!stage.isMaximized() && !stage.isIconified() && !stage.isFullScreen()) {
            normal = bounds();
        }
    }

    private void size(double width, double height, Rectangle2D screen) {
        stage.setWidth(Math.max(stage.getMinWidth(), Math.min(width, screen.getWidth())));
        stage.setHeight(Math.max(stage.getMinHeight(), Math.min(height, screen.getHeight())));
    }

    private Rectangle2D bounds() {
        return new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
    }

    /** The screen where enough of the window's top edge shows to grab it, or null (the monitor was unplugged). */
    static Screen screenShowingTitleBarOf(Rectangle2D window) {
        Rectangle2D titleBar = new Rectangle2D(window.getMinX(), window.getMinY(), window.getWidth(), GRIP_HEIGHT);
        for (Screen screen : Screen.getScreens()) {
            Rectangle2D visible = screen.getVisualBounds();
            double width = Math.min(titleBar.getMaxX(), visible.getMaxX())
                    - Math.max(titleBar.getMinX(), visible.getMinX());
            double height = Math.min(titleBar.getMaxY(), visible.getMaxY())
                    - Math.max(titleBar.getMinY(), visible.getMinY());
            if (width >= Math.min(GRIP_WIDTH, window.getWidth()) && height >= GRIP_HEIGHT) {
                return screen;
            }
        }
        return null;
    }
}
