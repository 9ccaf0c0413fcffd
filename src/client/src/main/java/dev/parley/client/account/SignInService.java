package dev.parley.client.account;

import dev.parley.client.net.ServerConnection;
import dev.parley.client.net.ServerTrust;
import dev.parley.client.net.UntrustedServerException;
import dev.parley.protocol.Codec;
import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.ProtocolException;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/** Signs in or registers over a short-lived connection and returns the new device session. */
public final class SignInService {
    /** The server could not be reached at all (as opposed to refusing the request). */
    public static final class UnreachableException extends RuntimeException {
        public UnreachableException(URI server) {
            super("cannot reach " + server, null, false, false);
        }
    }

    /** As long as the socket's own connect timeout: a TLS handshake adds round trips on a slow link. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private final String device;
    private final ServerTrust trust;

    /** For {@code wss://}, trusts only what the JDK's authorities vouch for. */
    public SignInService(String device) {
        this(device, null);
    }

    /** For {@code wss://}, trusts what {@code trust} does (pinned certificates included). */
    public SignInService(String device, ServerTrust trust) {
        this.device = device;
        this.trust = trust;
    }

    public CompletableFuture<SavedSession> signIn(URI server, String handle, String password) {
        return authenticate(server, new Request.Login(handle, password, device));
    }

    public CompletableFuture<SavedSession> register(URI server, String handle, String displayName, String password) {
        return authenticate(server, new Request.Register(handle, displayName, password, device));
    }

    private CompletableFuture<SavedSession> authenticate(URI server, Request request) {
        ServerConnection connection = new ServerConnection(server, new Codec(), ServerConnection.Listener.NONE,
                trust);
        connection.start();
        return connection.firstOpen()
                .orTimeout(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                // A certificate the client does not trust is not "unreachable": the caller asks or warns.
                .exceptionallyCompose(error -> CompletableFuture.failedFuture(
                        UntrustedServerException.in(error).<Throwable>map(untrusted -> untrusted)
                                .orElseGet(() -> new UnreachableException(server))))
                .thenCompose(opened -> connection.request(request, Reply.AuthResult.class))
                .thenApply(auth -> new SavedSession(server, auth.user().handle(), auth.user().displayName(),
                        auth.token()))
                .whenComplete((session, error) -> connection.close());
    }

    /** The cause a caller should look at, without the completion wrapper. */
    public static Throwable cause(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    public static boolean is(Throwable error, ErrorCode code) {
        return cause(error) instanceof ProtocolException protocol && protocol.code() == code;
    }
}
