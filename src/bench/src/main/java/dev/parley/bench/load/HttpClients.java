package dev.parley.bench.load;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load generator's HttpClients: a few of them (each has one selector thread), sharing one small pool of
 * threads that run the sockets' callbacks, handed out in turn so thousands of connections spread over them.
 */
public final class HttpClients implements AutoCloseable {
    /** Connections per HttpClient (one selector each). */
    private static final int CONNECTIONS_PER_CLIENT = 2_000;

    private final ExecutorService callbacks;
    private final List<HttpClient> clients = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();

    /** Enough clients for {@code connections} sockets, and {@code threads} callback threads among them all. */
    public HttpClients(int connections, int threads) {
        AtomicInteger count = new AtomicInteger();
        callbacks = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "load-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        int n = Math.max(1, Math.min(10, (connections + CONNECTIONS_PER_CLIENT - 1) / CONNECTIONS_PER_CLIENT));
        for (int i = 0; i < n; i++) {
            clients.add(HttpClient.newBuilder().executor(callbacks).build());
        }
    }

    /** The next client in turn. */
    public HttpClient next() {
        return clients.get(Math.floorMod(next.getAndIncrement(), clients.size()));
    }

    @Override
    public void close() {
        callbacks.shutdownNow();
    }
}
