package dev.parley.client.ui.login;

import dev.parley.client.account.SavedSession;
import dev.parley.client.account.SignInService;
import dev.parley.client.net.TrustProblem;
import dev.parley.client.net.UntrustedServerException;
import dev.parley.client.ui.ViewLoader;
import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.ProtocolException;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** Sign in or create an account: the fields, the inline error, and what happens on success. */
public final class LoginViewModel {
    private static final Pattern HANDLE = Pattern.compile("[a-z0-9_.]{3,24}");

    private final SignInService service;
    private final Consumer<SavedSession> onSignedIn;
    private final Function<TrustProblem, CompletableFuture<ServerTrustPrompt.Outcome>> askAboutTrust;
    private final StringProperty handle = new SimpleStringProperty(this, "handle", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringProperty displayName = new SimpleStringProperty(this, "displayName", "");
    private final StringProperty server = new SimpleStringProperty(this, "server", "");
    private final BooleanProperty creatingAccount = new SimpleBooleanProperty(this, "creatingAccount");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final BooleanProperty retryable = new SimpleBooleanProperty(this, "retryable");
    private final BooleanBinding canSubmit;
    /** A registration whose reply was lost may have succeeded: the retry signs in first. */
    private boolean registrationUncertain;

    public LoginViewModel(SignInService service, URI defaultServer, String notice, Consumer<SavedSession> onSignedIn) {
        this(service, defaultServer, notice, onSignedIn,
                problem -> CompletableFuture.completedFuture(ServerTrustPrompt.Outcome.DECLINED));
    }

    /**
     * As above; {@code askAboutTrust} puts a server certificate the client does not trust to the person (on the FX
     * thread) and says whether to try again.
     */
    public LoginViewModel(SignInService service, URI defaultServer, String notice, Consumer<SavedSession> onSignedIn,
            Function<TrustProblem, CompletableFuture<ServerTrustPrompt.Outcome>> askAboutTrust) {
        this.askAboutTrust = askAboutTrust;
        this.service = service;
        this.onSignedIn = onSignedIn;
        this.server.set(defaultServer.toString());
        this.error.set(notice == null ? "" : notice);
        this.canSubmit = Bindings.createBooleanBinding(() -> !busy.get() && !handle.get().isBlank()
                        && !password.get().isEmpty() && (!creatingAccount.get() || !displayName.get().isBlank()),
                busy, handle, password, creatingAccount, displayName);
    }

    public void submit() {
        if (!canSubmit.get()) {
            return;
        }
        String validation = validate();
        if (validation != null) {
            error.set(validation);
            retryable.set(false);
            return;
        }
        URI address;
        try {
            address = URI.create(server.get().strip());
            if (address.getHost() == null || !address.getScheme().matches("wss?")) {
                throw new IllegalArgumentException("not a WebSocket address");
            }
        } catch (RuntimeException e) {
            error.set(ViewLoader.text("login.error.badServer"));
            return;
        }
        busy.set(true);
        error.set("");
        retryable.set(false);
        String who = handle.get().strip().toLowerCase(java.util.Locale.ROOT);
        CompletableFuture<SavedSession> attempt;
        try {
            if (creatingAccount.get() && registrationUncertain) {
                String name = displayName.get().strip();
                String secret = password.get();
                attempt = service.signIn(address, who, secret).exceptionallyCompose(error ->
                        SignInService.is(error, ErrorCode.UNAUTHORIZED)
                                ? service.register(address, who, name, secret)
                                : CompletableFuture.failedFuture(error));
            } else {
                attempt = creatingAccount.get()
                        ? service.register(address, who, displayName.get().strip(), password.get())
                        : service.signIn(address, who, password.get());
            }
        } catch (ProtocolException refused) {
            busy.set(false);
            showFailure(refused, address);
            return;
        }
        attempt.whenComplete((session, failure) -> Platform.runLater(() -> {
            busy.set(false);
            if (failure == null) {
                registrationUncertain = false;
                password.set("");
                onSignedIn.accept(session);
            } else {
                Throwable cause = SignInService.cause(failure);
                if (cause instanceof UntrustedServerException untrusted) {
                    settleTrust(untrusted.problem());
                    return;
                }
                registrationUncertain = creatingAccount.get()
                        && cause instanceof ProtocolException refused && refused.code() == ErrorCode.INTERNAL;
                showFailure(cause, address);
            }
        }));
    }

    /** A name mismatch is only reported; a new or changed certificate is put to the person, then tried again. */
    private void settleTrust(TrustProblem problem) {
        retryable.set(false);
        if (problem instanceof TrustProblem.WrongName) {
            error.set(ViewLoader.text("login.error.wrongName", problem.host()));
            return;
        }
        askAboutTrust.apply(problem).whenComplete((outcome, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                error.set(ViewLoader.text("login.error.trustNotSaved", problem.server(),
                        SignInService.cause(failure).getMessage()));
            } else if (outcome == ServerTrustPrompt.Outcome.RETRY) {
                submit();
            } else {
                error.set(ViewLoader.text("login.error.notTrusted", problem.server()));
            }
        }));
    }

    private String validate() {
        String who = handle.get().strip().toLowerCase(java.util.Locale.ROOT);
        if (creatingAccount.get()) {
            if (!HANDLE.matcher(who).matches()) {
                return ViewLoader.text("login.error.handleRules");
            }
            if (password.get().length() < 8) {
                return ViewLoader.text("login.error.passwordShort");
            }
        }
        return null;
    }

    private void showFailure(Throwable cause, URI address) {
        if (cause instanceof SignInService.UnreachableException) {
            error.set(ViewLoader.text("login.error.unreachable", address));
            retryable.set(true);
        } else if (cause instanceof ProtocolException refused) {
            error.set(switch (refused.code()) {
                case UNAUTHORIZED -> ViewLoader.text("login.error.wrongPassword");
                case CONFLICT -> ViewLoader.text("login.error.handleTaken");
                case RATE_LIMITED -> ViewLoader.text("login.error.rateLimited",
                        Math.max(1, (refused.retryAfterMs() == null ? 1000 : refused.retryAfterMs()) / 1000));
                case BAD_REQUEST, TOO_LARGE -> ViewLoader.text("login.error.invalid", refused.getMessage());
                default -> ViewLoader.text("login.error.server");
            });
            retryable.set(refused.code() == ErrorCode.INTERNAL);
        } else {
            error.set(ViewLoader.text("login.error.server"));
            retryable.set(true);
        }
    }

    public void toggleMode() {
        registrationUncertain = false;
        creatingAccount.set(!creatingAccount.get());
        error.set("");
        retryable.set(false);
    }

    public StringProperty handleProperty() {
        return handle;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    public StringProperty serverProperty() {
        return server;
    }

    public BooleanProperty creatingAccountProperty() {
        return creatingAccount;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty retryableProperty() {
        return retryable;
    }

    public BooleanBinding canSubmitProperty() {
        return canSubmit;
    }
}
