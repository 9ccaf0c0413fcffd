package dev.parley.client.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ResourceBundle;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads FXML views with the app's resource bundle. Each View class builds itself with its ViewModel and
 * passes itself as the controller, so dependencies arrive through constructors.
 */
public final class ViewLoader {
    public static final String BUNDLE_NAME = "dev.parley.client.ui.messages";

    private ViewLoader() {
    }

    public static ResourceBundle bundle() {
        return ResourceBundle.getBundle(BUNDLE_NAME);
    }

    /** A user-visible string from the bundle, formatted with {@link java.text.MessageFormat}. */
    public static String text(String key, Object... arguments) {
        // Always through MessageFormat, so a pattern reads the same with or without arguments ('' is ').
        return new java.text.MessageFormat(bundle().getString(key), java.util.Locale.getDefault()).format(arguments);
    }

    public static <T extends Parent> T load(FxmlView view, Object controller) {
        FXMLLoader loader = new FXMLLoader(ViewLoader.class.getResource(view.path()), bundle());
        loader.setController(controller);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + view.path(), e);
        }
    }

    /** The app-wide stylesheet and a feature's own, as URLs for {@code getStylesheets()}. */
    public static String stylesheet(String path) {
        return ViewLoader.class.getResource(path).toExternalForm();
    }
}
