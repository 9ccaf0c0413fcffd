package dev.parley.client.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotificationSettingsTest {
    @TempDir
    Path dir;

    private NotificationSettings load(Path file) throws Exception {
        NotificationSettings settings = NotificationSettings.load(file, Runnable::run);
        settings.loaded().get(10, TimeUnit.SECONDS);
        return settings;
    }

    @Test
    void withoutAFileEverythingIsOnAndNothingMuted() throws Exception {
        NotificationSettings settings = load(dir.resolve("notifications.properties"));

        assertThat(settings.enabledProperty().get()).isTrue();
        assertThat(settings.previewsProperty().get()).isTrue();
        assertThat(settings.doNotDisturbUntilProperty().get()).isNull();
        assertThat(settings.mutedUntil()).isEmpty();
    }

    @Test
    void settingsPersistAcrossARestart() throws Exception {
        Path file = dir.resolve("account").resolve("notifications.properties");
        NotificationSettings first = load(file);
        Instant dnd = Instant.parse("2026-11-26T08:00:00Z");
        first.previewsProperty().set(false);
        first.doNotDisturbUntilProperty().set(dnd);
        first.mute(12, NotificationSettings.ALWAYS);
        first.mute(13, Instant.parse("2026-11-25T12:00:00Z"));
        first.mute(13, null);
        first.flushed().get(10, TimeUnit.SECONDS);

        NotificationSettings again = load(file);

        assertThat(again.previewsProperty().get()).isFalse();
        assertThat(again.enabledProperty().get()).isTrue();
        assertThat(again.doNotDisturbUntilProperty().get()).isEqualTo(dnd);
        assertThat(again.mutedUntil()).containsOnlyKeys(12L);
        assertThat(again.mutedUntil(12)).isEqualTo(NotificationSettings.ALWAYS);
    }

    @Test
    void aDamagedFileFallsBackToTheDefaults() throws Exception {
        Path file = dir.resolve("notifications.properties");
        Files.writeString(file, "enabled=perhaps\nmute.x=3\ndoNotDisturbUntil=soon\n");

        NotificationSettings settings = load(file);

        assertThat(settings.enabledProperty().get()).isTrue();
        assertThat(settings.doNotDisturbUntilProperty().get()).isNull();
        assertThat(settings.mutedUntil()).isEmpty();
    }
}
