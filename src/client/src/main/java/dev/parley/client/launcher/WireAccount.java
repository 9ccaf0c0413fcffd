package dev.parley.client.launcher;

import dev.parley.client.net.ServerConnection;
import dev.parley.protocol.Codec;
import dev.parley.protocol.Event;
import dev.parley.protocol.Request;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A demo person talking to the server over the wire protocol, as any client would. */
final class WireAccount implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ServerConnection connection;
    private volatile String token;

    private WireAccount(URI server, String token, Consumer<Event> events) {
        this.token = token;
        this.connection = new ServerConnection(server, new Codec(), new ServerConnection.Listener() {
            @Override
            public void onOpen() {
                String current = WireAccount.this.token;
                if (current != null) {
                    connection().request(new Request.Hello(1, current), Object.class);
                }
            }

            @Override
            public void onEvent(Event event) {
                events.accept(event);
            }
        });
        connection.start();
        connection.firstOpen().orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    /** Connects anonymously (to register); {@link #call} then signs in. */
    static WireAccount anonymous(URI server) {
        return new WireAccount(server, null, event -> { });
    }

    /** Connects with a token; hello is sent on every (re)connect. */
    static WireAccount resume(URI server, String token, Consumer<Event> events) {
        WireAccount account = new WireAccount(server, token, events);
        account.call(new Request.Hello(1, token), Object.class);
        return account;
    }

    private ServerConnection connection() {
        return connection;
    }

    void token(String token) {
        this.token = token;
    }

    /** Sends a request and waits for its reply (never on the JavaFX thread). */
    <T> T call(Request request, Class<T> replyType) {
        return connection.request(request, replyType).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    @Override
    public void close() {
        connection.close();
    }
}
