package dev.parley.client.ui.settings;

import dev.parley.client.sync.ChatSession;
import dev.parley.client.ui.ViewLoader;
import dev.parley.client.ui.common.Formats;
import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Limits;
import dev.parley.protocol.ProtocolException;
import dev.parley.protocol.SessionInfo;
import java.util.concurrent.CompletionException;
import javafx.application.Platform;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Account page: changing the password (the server checks the current one and signs out the other devices)
 * and the account's devices, each of which can be signed out. The server decides; this shows what it said.
 */
public final class AccountSettingsViewModel {
    /** One device session as the page lists it. */
    public record Device(long id, String name, String lastSeen, boolean current) {
    }

    private final ChatSession session;
    private final Formats formats;
    private final Runnable signOut;
    private final StringProperty current = new SimpleStringProperty(this, "current", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringProperty confirm = new SimpleStringProperty(this, "confirm", "");
    private final StringProperty passwordStatus = new SimpleStringProperty(this, "passwordStatus", "");
    private final BooleanProperty passwordFailed = new SimpleBooleanProperty(this, "passwordFailed");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final BooleanBinding canChangePassword;
    private final ObservableList<Device> devices = FXCollections.observableArrayList();
    private final StringProperty devicesError = new SimpleStringProperty(this, "devicesError", "");

    /** {@code signOut} ends this device's session and leaves the window (revoking "this device" does that). */
    public AccountSettingsViewModel(ChatSession session, Formats formats, Runnable signOut) {
        this.session = session;
        this.formats = formats;
        this.signOut = signOut;
        this.canChangePassword = current.isNotEmpty().and(password.isNotEmpty()).and(confirm.isNotEmpty())
                .and(busy.not());
    }

    public void changePassword() {
        if (!password.get().equals(confirm.get())) {
            fail(ViewLoader.text("settings.password.mismatch"));
            return;
        }
        if (password.get().length() < Limits.MIN_PASSWORD_CHARS) {
            fail(ViewLoader.text("settings.password.short", Limits.MIN_PASSWORD_CHARS));
            return;
        }
        busy.set(true);
        passwordFailed.set(false);
        passwordStatus.set(ViewLoader.text("settings.password.working"));
        session.changePassword(current.get(), password.get()).whenComplete((done, failure) -> Platform.runLater(() -> {
            busy.set(false);
            if (failure != null) {
                fail(problem(failure instanceof CompletionException ? failure.getCause() : failure));
                return;
            }
            current.set("");
            password.set("");
            confirm.set("");
            passwordStatus.set(ViewLoader.text("settings.password.changed"));
            loadDevices();
        }));
    }

    private void fail(String why) {
        passwordFailed.set(true);
        passwordStatus.set(why);
    }

    private static String problem(Throwable failure) {
        if (!(failure instanceof ProtocolException e)) {
            return ViewLoader.text("settings.offline");
        }
        if (e.code() == ErrorCode.UNAUTHORIZED) {
            return ViewLoader.text("settings.password.wrong");
        }
        if (e.code() == ErrorCode.RATE_LIMITED) {
            return ViewLoader.text("settings.password.tooMany");
        }
        if (e.code() == ErrorCode.TOO_LARGE) {
            return ViewLoader.text("settings.password.long", Limits.MAX_PASSWORD_CHARS);
        }
        return e.code() == ErrorCode.BAD_REQUEST ? ViewLoader.text("settings.password.short", Limits.MIN_PASSWORD_CHARS)
                : ViewLoader.text("settings.offline");
    }

    /** Asks the server for the account's devices. */
    public void loadDevices() {
        session.sessions().whenComplete((list, failure) -> Platform.runLater(() -> {
            devicesError.set(failure == null ? "" : ViewLoader.text("settings.offline"));
            if (failure == null) {
                devices.setAll(list.stream().map(this::device).toList());
            }
        }));
    }

    private Device device(SessionInfo info) {
        String name = info.device() == null ? ViewLoader.text("settings.devices.unnamed") : info.device();
        return new Device(info.id(), name, ViewLoader.text("settings.devices.lastSeen",
                formats.dateTime(info.lastSeenAt())), info.current());
    }

    /** Signs a device out; this device means signing out here. */
    public void revoke(Device device) {
        if (device.current()) {
            signOut.run();
            return;
        }
        session.revokeSession(device.id()).whenComplete((done, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                devicesError.set(ViewLoader.text("settings.offline"));
            }
            loadDevices();
        }));
    }

    public void signOut() {
        signOut.run();
    }

    public StringProperty currentProperty() {
        return current;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty confirmProperty() {
        return confirm;
    }

    public StringProperty passwordStatusProperty() {
        return passwordStatus;
    }

    /** The status is a refusal (shown as an error), not progress or success. */
    public BooleanProperty passwordFailedProperty() {
        return passwordFailed;
    }

    public BooleanBinding canChangePasswordProperty() {
        return canChangePassword;
    }

    public ObservableList<Device> devices() {
        return devices;
    }

    public StringProperty devicesErrorProperty() {
        return devicesError;
    }
}
