package dev.parley.bench.load;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/** Pairs of connected peers for the 1:1 scenarios, on Parley and on the bare relay. */
public final class Pairs {
    /** Two peers, each the other's partner. */
    public record Pair(ChatPeer a, ChatPeer b) {
    }

    private static final int IN_FLIGHT = 200;
    private static final int HANDSHAKE_ATTEMPTS = 3;

    private Pairs() {
    }

    /**
     * Signs in every account (accounts 2i and 2i+1 make pair i) and gives each pair a conversation in which both
     * have written once, so neither side's messages become a message request.
     */
    public static List<Pair> parley(HttpClients http, URI server, List<Accounts.Account> accounts)
            throws InterruptedException, ExecutionException {
        return parley(http, List.of(server), accounts);
    }

    /**
     * Pairs as {@link #parley(HttpClients, URI, List)} does, with account {@code i} signed in on node {@code i mod n}:
     * with two nodes, every pair has one side on each.
     */
    public static List<Pair> parley(HttpClients http, List<URI> nodes, List<Accounts.Account> accounts)
            throws InterruptedException, ExecutionException {
        List<ParleyConn> connections = Accounts.signIn(http, nodes, accounts, IN_FLIGHT);
        return Bounded.run(accounts.size() / 2, IN_FLIGHT, i -> {
            ParleyConn a = connections.get(2 * i);
            ParleyConn b = connections.get(2 * i + 1);
            String aHandle = accounts.get(2 * i).handle();
            String bHandle = accounts.get(2 * i + 1).handle();
            return a.openConversation(bHandle).thenCompose(conversation -> a.send(conversation, "hello")
                    .thenCompose(sent -> b.send(conversation, "hello back"))
                    .thenApply(sent -> new Pair(new ParleyPeer(a, aHandle, conversation),
                            new ParleyPeer(b, bHandle, conversation))));
        });
    }

    /** Connects {@code 2 × count} relay connections named 1, 2, …, each pair addressing each other. */
    public static List<Pair> relay(HttpClients http, Function<String, URI> relayUri, int count)
            throws InterruptedException, ExecutionException {
        return Bounded.run(count, IN_FLIGHT / 2, i -> {
            String a = Integer.toString(2 * i + 1);
            String b = Integer.toString(2 * i + 2);
            return connectRelay(http, relayUri.apply(a), b, HANDSHAKE_ATTEMPTS)
                    .thenCombine(connectRelay(http, relayUri.apply(b), a, HANDSHAKE_ATTEMPTS), Pair::new);
        });
    }

    /** A handshake the relay never answered (it happens under bursts) is tried again, a few times. */
    private static CompletableFuture<RelayPeer> connectRelay(HttpClients http, URI uri, String partner, int attempts) {
        return RelayPeer.connect(http.next(), uri, partner).handle((peer, failure) -> failure == null || attempts <= 1
                ? (failure == null ? CompletableFuture.completedFuture(peer)
                        : CompletableFuture.<RelayPeer>failedFuture(failure))
                : connectRelay(http, uri, partner, attempts - 1)).thenCompose(f -> f);
    }

    /** Closes every peer and waits for the close frames to go out. */
    public static void close(List<Pair> pairs) {
        pairs.stream().flatMap(p -> java.util.stream.Stream.of(p.a(), p.b()))
                .map(peer -> peer.close().exceptionally(failure -> null))
                .toList().forEach(CompletableFuture::join);
    }
}
