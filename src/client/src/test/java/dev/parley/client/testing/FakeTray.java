package dev.parley.client.testing;

import dev.parley.client.notify.Notice;
import dev.parley.client.notify.Notifier;

/** A notifier that says it has a tray icon, as on a desktop with a system tray (headless tests have none). */
final class FakeTray implements Notifier {
    @Override
    public void show(Notice notice) {
        // The recording notifier around it keeps what was shown.
    }

    @Override
    public void showUnread(int total) {
        // No icon to paint.
    }

    @Override
    public boolean inTray() {
        return true;
    }

    @Override
    public void close() {
        // Nothing to remove.
    }
}
