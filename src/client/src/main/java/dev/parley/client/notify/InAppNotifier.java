package dev.parley.client.notify;

import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * Notifications where the desktop has no system tray: ControlsFX popups in the corner of the app's window,
 * clicked to open the conversation. The window title carries the unread count instead of a tray badge.
 */
public final class InAppNotifier implements Notifier {
    private static final Duration SHOWN = Duration.seconds(6);
    private static final Duration SHOWN_QUIETLY = Duration.seconds(3);

    private final Window owner;

    public InAppNotifier(Window owner) {
        this.owner = owner;
    }

    @Override
    public void show(Notice notice) {
        Notifications popup = Notifications.create()
                .owner(owner)
                .title(notice.title())
                .text(notice.body())
                .graphic(notice.graphic())
                .position(Pos.BOTTOM_RIGHT)
                .hideAfter(notice.quiet() ? SHOWN_QUIETLY : SHOWN)
                .onAction(event -> notice.onClick().run());
        popup.styleClass("parley-notification");
        popup.show();
    }

    @Override
    public void showUnread(int total) {
        // The window title shows the count (MainViewModel); there is no badge to paint here.
    }

    @Override
    public boolean inTray() {
        return false;
    }

    @Override
    public void close() {
        // Popups close themselves.
    }
}
