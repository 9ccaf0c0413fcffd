package dev.parley.client.notify;

/**
 * Where notifications go: the system tray where the desktop has one, else popups inside the app. Called on the
 * FX thread.
 */
public interface Notifier extends AutoCloseable {

    void show(Notice notice);

    /** The unread total, for a badge (the tray icon); 0 clears it. */
    void showUnread(int total);

    /** True when this notifier keeps an icon in the system tray (so closing the window can hide to it). */
    boolean inTray();

    @Override
    void close();
}
