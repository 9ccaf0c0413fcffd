package dev.parley.client.settings;

/** The app's colours: always light, always dark, or as the desktop says. */
public enum Theme {
    LIGHT, DARK, SYSTEM
}
