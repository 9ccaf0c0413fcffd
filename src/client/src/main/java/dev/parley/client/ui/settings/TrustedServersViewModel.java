package dev.parley.client.ui.settings;

import dev.parley.client.net.KnownServers;
import dev.parley.client.net.ServerTrust;
import dev.parley.client.settings.PropertiesFile;
import dev.parley.client.ui.ViewLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Trusted servers page: the servers whose self-signed certificate the person pinned, the signed-in one
 * marked, and forgetting a pin. The pin file is read and written off the FX thread; the list changes on it.
 */
public final class TrustedServersViewModel {
    private static final Logger log = LoggerFactory.getLogger(TrustedServersViewModel.class);

    /** One pinned server as the page lists it; {@code current} when this window is signed in to it. */
    public record Server(KnownServers.Pin pin, boolean current) {
    }

    private final KnownServers known;
    private final String signedInHost;
    private final int signedInPort;
    private final ObservableList<Server> servers = FXCollections.observableArrayList();
    /** Kept here: the read-only view listens to {@code servers} weakly, so it must live as long as this model. */
    private final ObservableList<Server> serversShown = FXCollections.unmodifiableObservableList(servers);
    /** Until the first read has answered: the page shows neither the list nor "none" yet. */
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", true);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final BooleanBinding empty;

    /** {@code signedIn} is the server of this window's session, marked in the list when it is pinned. */
    public TrustedServersViewModel(KnownServers known, URI signedIn) {
        this.known = known;
        this.signedInHost = signedIn.getHost() == null ? "" : signedIn.getHost().toLowerCase(Locale.ROOT);
        this.signedInPort = ServerTrust.port(signedIn);
        this.empty = Bindings.createBooleanBinding(() -> !loading.get() && error.get().isEmpty() && servers.isEmpty(),
                loading, error, servers);
    }

    /** Reads the pins. */
    public void load() {
        show(known::all, "settings.servers.unreadable", known.file());
    }

    /** Forgets the server's pin, then lists what is left. A session stays connected: its next connection asks. */
    public void forget(Server server) {
        KnownServers.Pin pin = server.pin();
        show(() -> {
            try {
                known.forget(pin.host(), pin.port());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            log.info("the person forgot the pinned certificate of {} in Settings", pin.server());
            return known.all();
        }, "settings.servers.notForgotten", pin.server());
    }

    /** Runs {@code read} on the settings thread, then shows its pins (or the failure) on the FX thread. */
    private void show(Supplier<List<KnownServers.Pin>> read, String failureKey, Object failureDetail) {
        CompletableFuture.supplyAsync(read, PropertiesFile.DISK).whenComplete((pins, failure) ->
                Platform.runLater(() -> shown(pins, failure, failureKey, failureDetail)));
    }

    private void shown(List<KnownServers.Pin> pins, Throwable failure, String failureKey, Object failureDetail) {
        loading.set(false);
        if (failure != null) {
            log.warn("cannot list or change the trusted servers in {}", known.file(), failure);
            error.set(ViewLoader.text(failureKey, failureDetail));
            return;
        }
        error.set("");
        servers.setAll(pins.stream().map(pin -> new Server(pin,
                pin.host().equals(signedInHost) && pin.port() == signedInPort)).toList());
    }

    /** The pinned servers, by host then port. */
    public ObservableList<Server> servers() {
        return serversShown;
    }

    /** Why the list could not be read or changed, in words; empty when it could. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The list was read and holds no pins. */
    public BooleanBinding emptyProperty() {
        return empty;
    }
}
