package dev.parley.client.notify;

import javafx.stage.Window;

/** Makes the app's notifier for its main window; tests supply one that also records what is shown. */
@FunctionalInterface
public interface NotifierChoice {

    Notifier choose(Window owner, TrayNotifier.Actions actions);

    /** The system tray where the desktop has one, else popups in the app. */
    static NotifierChoice desktop() {
        return (owner, actions) -> Notifiers.choose(Notifiers.trayAvailable(), owner, actions);
    }
}
