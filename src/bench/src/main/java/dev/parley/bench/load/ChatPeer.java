package dev.parley.bench.load;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One side of a 1:1 chat under load, on Parley or on the bare relay, so a scenario drives both with the same code:
 * it sends to its partner and hears what its partner sends.
 */
public interface ChatPeer {
    /** Sends {@code text} to the partner; completes when the server acknowledges it (Parley: once committed). */
    CompletableFuture<?> send(String text);

    /** Every frame that carries a text from the partner goes to {@code handler} (only those). */
    void onReceive(Consumer<String> handler);

    /** Closes the connection; completes when the close frame is sent. */
    CompletableFuture<?> close();
}
