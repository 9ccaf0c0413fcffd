package dev.parley.client.ui.attach;

import dev.parley.client.media.PhotoQuality;
import java.util.prefs.Preferences;

/** Remembers the photo quality each account chose last, so the tray opens with it next time. */
public final class QualityPreference {
    private static final Preferences NODE = Preferences.userNodeForPackage(QualityPreference.class).node("quality");

    private final String key;

    public QualityPreference(String handle) {
        this.key = handle;
    }

    public PhotoQuality load() {
        try {
            return PhotoQuality.valueOf(NODE.get(key, PhotoQuality.STANDARD.name()));
        } catch (IllegalArgumentException unknown) {
            // A value written by another version of the app: fall back to the default.
            return PhotoQuality.STANDARD;
        }
    }

    public void save(PhotoQuality quality) {
        NODE.put(key, quality.name());
    }
}
