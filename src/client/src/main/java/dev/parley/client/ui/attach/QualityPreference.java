package dev.parley.client.ui.attach;

import dev.parley.client.media.PhotoQuality;
import javafx.beans.property.ObjectProperty;

/**
 * The photo quality each account chose last, so the tray opens with it next time: the account's setting (Settings
 * › Media shows and changes the same value).
 */
public final class QualityPreference {
    private final ObjectProperty<PhotoQuality> setting;

    public QualityPreference(ObjectProperty<PhotoQuality> setting) {
        this.setting = setting;
    }

    /** The setting itself; the tray binds its choice to it both ways. */
    public ObjectProperty<PhotoQuality> property() {
        return setting;
    }
}
