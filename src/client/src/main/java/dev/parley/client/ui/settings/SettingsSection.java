package dev.parley.client.ui.settings;

import dev.parley.client.ui.ViewLoader;

/** The sections of the Settings dialog, in the order of its list. */
public enum SettingsSection {
    ACCOUNT("settings.account", "fth-user"),
    PRIVACY("settings.privacy", "fth-shield"),
    TRUSTED_SERVERS("settings.servers", "fth-lock"),
    NOTIFICATIONS("settings.notifications", "fth-bell"),
    APPEARANCE("settings.appearance", "fth-sun"),
    MEDIA("settings.media", "fth-image"),
    SHORTCUTS("settings.shortcuts", "fth-command");

    private final String titleKey;
    private final String icon;

    SettingsSection(String titleKey, String icon) {
        this.titleKey = titleKey;
        this.icon = icon;
    }

    public String title() {
        return ViewLoader.text(titleKey);
    }

    String icon() {
        return icon;
    }
}
