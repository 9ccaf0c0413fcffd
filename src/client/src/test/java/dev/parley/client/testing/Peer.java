package dev.parley.client.testing;

import dev.parley.client.net.ServerConnection;
import dev.parley.protocol.Codec;
import dev.parley.protocol.ConversationSummary;
import dev.parley.protocol.Message;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Another person, talking to the server over the wire protocol while the app under test runs. */
public final class Peer implements AutoCloseable {
    private final ServerConnection connection;
    private final String handle;
    private final String token;

    private Peer(URI server, String handle, Request auth) {
        this.handle = handle;
        this.connection = new ServerConnection(server, new Codec(), ServerConnection.Listener.NONE);
        connection.start();
        connection.firstOpen().orTimeout(20, TimeUnit.SECONDS).join();
        this.token = call(auth, Reply.AuthResult.class).token();
    }

    /** Registers a new account with password {@code password-<handle>}. */
    public static Peer register(URI server, String handle, String displayName) {
        return new Peer(server, handle, new Request.Register(handle, displayName, "password-" + handle, "test"));
    }

    /** Signs in again (a new connection and device session) to an account made by {@link #register}. */
    public static Peer signIn(URI server, String handle) {
        return new Peer(server, handle, new Request.Login(handle, "password-" + handle, "test"));
    }

    /** Signs in with a given password; fails (with the server's error inside) when the server refuses it. */
    public static Peer signIn(URI server, String handle, String password) {
        return new Peer(server, handle, new Request.Login(handle, password, "test"));
    }

    /** Whether a session token still opens a connection (a signed-out or revoked one does not). */
    public static boolean tokenWorks(URI server, String token) {
        ServerConnection connection = new ServerConnection(server, new Codec(), ServerConnection.Listener.NONE);
        connection.start();
        try {
            connection.firstOpen().orTimeout(20, TimeUnit.SECONDS).join();
            connection.request(new Request.Hello(1, token), Reply.HelloResult.class).orTimeout(20, TimeUnit.SECONDS)
                    .join();
            return true;
        } catch (java.util.concurrent.CompletionException refused) {
            return false;
        } finally {
            connection.close();
        }
    }

    public String handle() {
        return handle;
    }

    public String token() {
        return token;
    }

    /** Makes two people friends (they follow each other), so strangers' request limits do not apply. */
    public static void befriend(Peer one, Peer other) {
        one.call(new Request.UserFollow(other.handle()), Reply.Relationship.class);
        other.call(new Request.UserFollow(one.handle()), Reply.Relationship.class);
    }

    public long open(String otherHandle) {
        return call(new Request.ConversationOpen(otherHandle), ConversationSummary.class).id();
    }

    public Message send(long conversationId, String text) {
        return call(new Request.MessageSend(conversationId, UUID.randomUUID(), text), Reply.Sent.class).message();
    }

    /** Sends many messages pipelined, in order. */
    public void sendMany(long conversationId, List<String> texts) {
        texts.stream().map(text -> connection.request(new Request.MessageSend(conversationId, UUID.randomUUID(), text),
                Reply.Sent.class)).toList().forEach(CompletableFuture::join);
    }

    public List<Message> history(long conversationId) {
        return call(new Request.MessageHistory(conversationId, null, 100), Reply.History.class).messages();
    }

    public <T> T call(Request request, Class<T> type) {
        return connection.request(request, type).orTimeout(20, TimeUnit.SECONDS).join();
    }

    @Override
    public void close() {
        connection.close();
    }
}
