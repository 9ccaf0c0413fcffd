package dev.parley.client.settings;

import dev.parley.client.net.KnownServers;
import dev.parley.client.notify.NotificationSettings;
import java.util.function.BooleanSupplier;

/**
 * Everything the Settings dialog changes for one signed-in window: how the app looks (app-wide), the account's
 * notification and desktop settings on this device, start at login, the server certificates trusted by hand
 * (app-wide), and whether the app has a tray icon now.
 */
public record Settings(AppearanceSettings appearance, AccountSettings account, NotificationSettings notifications,
        Autostart autostart, KnownServers knownServers, BooleanSupplier trayInUse) {
}
