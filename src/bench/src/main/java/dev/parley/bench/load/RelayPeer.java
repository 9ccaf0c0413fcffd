package dev.parley.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A connection to the bare relay addressed by its partner's id: sends {@code <request id> u<partner> <text>},
 * matches {@code ok <request id>} replies to sends, and passes every other frame on as a text from the partner.
 */
public final class RelayPeer implements ChatPeer {
    private final String partnerTarget;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<Void>> pending = new ConcurrentHashMap<>();
    private volatile Consumer<String> handler = frame -> { };
    private volatile BenchSocket socket;

    private RelayPeer(String partnerId) {
        this.partnerTarget = " u" + partnerId + " ";
    }

    /** Connects as {@code id} (the relay's address {@code relayId}) and sends to {@code partnerId}. */
    public static CompletableFuture<RelayPeer> connect(HttpClient client, URI relayId, String partnerId) {
        RelayPeer peer = new RelayPeer(partnerId);
        return BenchSocket.open(client, relayId, peer::received).thenApply(socket -> {
            peer.socket = socket;
            return peer;
        });
    }

    @Override
    public CompletableFuture<?> send(String text) {
        long id = ids.incrementAndGet();
        CompletableFuture<Void> ack = new CompletableFuture<>();
        pending.put(id, ack);
        socket.send(id + partnerTarget + text).whenComplete((ok, failure) -> {
            if (failure != null) {
                pending.remove(id);
                ack.completeExceptionally(failure);
            }
        });
        return ack;
    }

    @Override
    public void onReceive(Consumer<String> handler) {
        this.handler = handler;
    }

    @Override
    public CompletableFuture<?> close() {
        return socket.close();
    }

    private void received(String frame) {
        if (frame.startsWith("ok ")) {
            CompletableFuture<Void> ack = pending.remove(Long.parseLong(frame, 3, frame.length(), 10));
            if (ack != null) {
                ack.complete(null);
            }
        } else {
            handler.accept(frame);
        }
    }
}
