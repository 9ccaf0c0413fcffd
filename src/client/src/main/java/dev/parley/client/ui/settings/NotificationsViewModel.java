package dev.parley.client.ui.settings;

import dev.parley.client.notify.NotificationSettings;
import dev.parley.client.settings.AccountSettings;
import dev.parley.client.settings.Autostart;
import dev.parley.client.settings.PropertiesFile;
import dev.parley.client.ui.ViewLoader;
import dev.parley.client.ui.common.Formats;
import dev.parley.client.ui.main.MainView;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Notifications page: the account's notification switches and Do not disturb, closing to the tray, and
 * start at login. Options the desktop cannot offer are disabled with the reason.
 */
public final class NotificationsViewModel {
    private static final Logger log = LoggerFactory.getLogger(NotificationsViewModel.class);

    private final NotificationSettings notifications;
    private final AccountSettings account;
    private final Autostart autostart;
    private final boolean tray;
    private final Clock clock;
    private final StringBinding doNotDisturb;
    private final BooleanProperty startAtLogin = new SimpleBooleanProperty(this, "startAtLogin");
    private final BooleanProperty startAtLoginBusy = new SimpleBooleanProperty(this, "startAtLoginBusy", true);
    private final StringProperty startAtLoginError = new SimpleStringProperty(this, "startAtLoginError", "");
    private boolean reading;

    public NotificationsViewModel(NotificationSettings notifications, AccountSettings account, Autostart autostart,
            boolean tray, Formats formats, Clock clock) {
        this.notifications = notifications;
        this.account = account;
        this.autostart = autostart;
        this.tray = tray;
        this.clock = clock;
        var until = notifications.doNotDisturbUntilProperty();
        this.doNotDisturb = Bindings.createStringBinding(() -> until.get() == null || !until.get().isAfter(clock.instant())
                ? ViewLoader.text("settings.dnd.off")
                : until.get().equals(NotificationSettings.ALWAYS) ? ViewLoader.text("settings.dnd.on")
                : ViewLoader.text("dnd.state", formats.dateTime(until.get())), until);
        startAtLogin.addListener((obs, was, on) -> {
            if (!reading) {
                write(on);
            }
        });
    }

    /** Reads whether the autostart entry exists, off the FX thread. */
    public void load() {
        CompletableFuture.supplyAsync(autostart::enabled, PropertiesFile.DISK)
                .whenComplete((enabled, failure) -> Platform.runLater(() -> {
                    reading = true;
                    startAtLogin.set(failure == null && enabled);
                    reading = false;
                    startAtLoginBusy.set(false);
                }));
    }

    private void write(boolean on) {
        startAtLoginBusy.set(true);
        startAtLoginError.set("");
        CompletableFuture.runAsync(() -> {
            try {
                autostart.setEnabled(on);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, PropertiesFile.DISK).whenComplete((done, failure) -> Platform.runLater(() -> {
            startAtLoginBusy.set(false);
            if (failure != null) {
                log.warn("cannot change start at login ({})", autostart.file(), failure);
                startAtLoginError.set(ViewLoader.text("settings.startAtLogin.failed"));
                reading = true;
                startAtLogin.set(!on);
                reading = false;
            }
        }));
    }

    public BooleanProperty enabledProperty() {
        return notifications.enabledProperty();
    }

    public BooleanProperty previewsProperty() {
        return notifications.previewsProperty();
    }

    public StringBinding doNotDisturbProperty() {
        return doNotDisturb;
    }

    public void doNotDisturbForAnHour() {
        notifications.doNotDisturbUntilProperty().set(clock.instant().plus(Duration.ofHours(1)));
    }

    public void doNotDisturbUntilTomorrow() {
        notifications.doNotDisturbUntilProperty().set(MainView.tomorrowMorning());
    }

    public void doNotDisturbOff() {
        notifications.doNotDisturbUntilProperty().set((Instant) null);
    }

    public BooleanProperty closeToTrayProperty() {
        return account.closeToTrayProperty();
    }

    /** The app has a tray icon now, so closing to it is possible. */
    public boolean trayAvailable() {
        return tray;
    }

    public String closeToTrayExplanation() {
        return ViewLoader.text(tray ? "settings.closeToTray.explain" : "settings.closeToTray.noTray");
    }

    public BooleanProperty startAtLoginProperty() {
        return startAtLogin;
    }

    public boolean startAtLoginAvailable() {
        return autostart.unavailable().isEmpty();
    }

    /** True while the entry is read or written (the switch waits). */
    public BooleanProperty startAtLoginBusyProperty() {
        return startAtLoginBusy;
    }

    public StringProperty startAtLoginErrorProperty() {
        return startAtLoginError;
    }

    public String startAtLoginExplanation() {
        return autostart.unavailable().map(why -> switch (why) {
            case NOT_LINUX -> ViewLoader.text("settings.startAtLogin.notLinux");
            case NOT_INSTALLED -> ViewLoader.text("settings.startAtLogin.notInstalled");
        }).orElse(ViewLoader.text("settings.startAtLogin.explain"));
    }
}
