package dev.parley.client.ui.main;

import dev.parley.client.model.ConversationItem;
import dev.parley.client.notify.NotificationSettings;
import dev.parley.client.ui.ViewLoader;
import dev.parley.client.ui.common.Formats;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/** The menus that set notifications: mute for the open chat, and the account menu's notifications submenu. */
final class NotificationMenus {
    /** "Until tomorrow" ends at this time of the next day. */
    private static final LocalTime MORNING = LocalTime.of(8, 0);

    private NotificationMenus() {
    }

    /** Mute the open conversation for 1 hour, 8 hours, 1 week or always; Unmute while muted. */
    static Menu mute(ObservableValue<ConversationItem> open, NotificationSettings settings, Formats formats,
            Clock clock) {
        Menu menu = new Menu(ViewLoader.text("mute.menu"));
        menu.getStyleClass().add("mute-menu");
        MenuItem state = new MenuItem();
        state.setDisable(true);
        MenuItem unmute = item("mute.off", () -> settings.mute(open.getValue().id(), null));
        menu.getItems().addAll(state,
                item("mute.hour", () -> muteFor(open, settings, clock, Duration.ofHours(1))),
                item("mute.eightHours", () -> muteFor(open, settings, clock, Duration.ofHours(8))),
                item("mute.week", () -> muteFor(open, settings, clock, Duration.ofDays(7))),
                item("mute.always", () -> settings.mute(open.getValue().id(), NotificationSettings.ALWAYS)),
                new SeparatorMenuItem(), unmute);
        Runnable refresh = () -> {
            ConversationItem item = open.getValue();
            Instant until = item == null ? null : settings.mutedUntil(item.id());
            boolean muted = until != null && until.isAfter(clock.instant());
            menu.setDisable(item == null);
            state.setVisible(muted);
            state.setText(!muted ? "" : until.equals(NotificationSettings.ALWAYS) ? ViewLoader.text("mute.state.always")
                    : ViewLoader.text("mute.state.until", formats.dateTime(until)));
            unmute.setVisible(muted);
        };
        menu.setOnShowing(event -> refresh.run());
        open.addListener((obs, old, now) -> refresh.run());
        refresh.run();
        return menu;
    }

    /** Notifications on or off, previews, and Do not disturb for an hour or until tomorrow morning. */
    static Menu account(NotificationSettings settings, Formats formats, Clock clock) {
        Menu menu = new Menu(ViewLoader.text("notifications.menu"));
        menu.getStyleClass().add("notifications-menu");
        CheckMenuItem enabled = new CheckMenuItem(ViewLoader.text("notifications.enabled"));
        enabled.selectedProperty().bindBidirectional(settings.enabledProperty());
        CheckMenuItem previews = new CheckMenuItem(ViewLoader.text("notifications.previews"));
        previews.selectedProperty().bindBidirectional(settings.previewsProperty());
        MenuItem state = new MenuItem();
        state.setDisable(true);
        MenuItem off = item("dnd.off", () -> settings.doNotDisturbUntilProperty().set(null));
        menu.getItems().addAll(enabled, previews, new SeparatorMenuItem(), state,
                item("dnd.hour", () -> settings.doNotDisturbUntilProperty().set(clock.instant()
                        .plus(Duration.ofHours(1)))),
                item("dnd.tomorrow", () -> settings.doNotDisturbUntilProperty().set(tomorrowMorning(clock))), off);
        menu.setOnShowing(event -> {
            Instant until = settings.doNotDisturbUntilProperty().get();
            boolean active = until != null && until.isAfter(clock.instant());
            state.setVisible(active);
            state.setText(active ? ViewLoader.text("dnd.state", formats.dateTime(until)) : "");
            off.setVisible(active);
        });
        return menu;
    }

    /** 8:00 tomorrow in the clock's zone. */
    static Instant tomorrowMorning(Clock clock) {
        return ZonedDateTime.now(clock).toLocalDate().plusDays(1).atTime(MORNING).atZone(clock.getZone()).toInstant();
    }

    private static void muteFor(ObservableValue<ConversationItem> open, NotificationSettings settings, Clock clock,
            Duration duration) {
        settings.mute(open.getValue().id(), clock.instant().plus(duration));
    }

    private static MenuItem item(String key, Runnable action) {
        MenuItem item = new MenuItem(ViewLoader.text(key));
        item.setOnAction(event -> action.run());
        return item;
    }
}
