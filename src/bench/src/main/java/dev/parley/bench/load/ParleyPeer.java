package dev.parley.bench.load;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A signed-in Parley connection in a 1:1 conversation. The server pushes {@code evt.message} to the sender's
 * connections too, so the peer passes on only the pushes whose sender is the partner, and only those carrying a
 * {@link Stamp}: the greetings that set the conversation up may arrive after the load's handler is in place.
 */
public final class ParleyPeer implements ChatPeer {
    private final ParleyConn connection;
    private final long conversationId;
    private final String ownSender;

    public ParleyPeer(ParleyConn connection, String handle, long conversationId) {
        this.connection = connection;
        this.conversationId = conversationId;
        this.ownSender = "\"sender\":\"" + handle + "\"";
    }

    @Override
    public CompletableFuture<?> send(String text) {
        return connection.send(conversationId, text);
    }

    @Override
    public void onReceive(Consumer<String> handler) {
        connection.onPush(frame -> {
            if (frame.startsWith("{\"type\":\"evt.message\"") && !frame.contains(ownSender)
                    && Stamp.in(frame)) {
                handler.accept(frame);
            }
        });
    }

    @Override
    public CompletableFuture<?> close() {
        return connection.socket().close();
    }
}
