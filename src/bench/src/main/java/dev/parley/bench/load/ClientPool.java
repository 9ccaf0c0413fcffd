package dev.parley.bench.load;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A few {@link HttpClient}s, each with a small fixed pool of named daemon threads, for thousands of load
 * connections: the JDK's default executor would grow a thread per busy connection under fan-out.
 */
public final class ClientPool implements AutoCloseable {
    private final List<HttpClient> clients = new ArrayList<>();
    private final List<ExecutorService> executors = new ArrayList<>();

    public ClientPool(int clientCount, int threadsEach) {
        AtomicInteger threadIds = new AtomicInteger();
        for (int i = 0; i < clientCount; i++) {
            ExecutorService executor = Executors.newFixedThreadPool(threadsEach, task -> {
                Thread t = new Thread(task, "load-" + threadIds.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            executors.add(executor);
            clients.add(HttpClient.newBuilder().executor(executor).build());
        }
    }

    /** The client for connection number {@code index}, spread round-robin. */
    public HttpClient forConnection(int index) {
        return clients.get(Math.floorMod(index, clients.size()));
    }

    /** Closes {@code sockets} with 1000 and waits until every close frame is out (or the connection gone). */
    public static void closeAll(Collection<BenchSocket> sockets) {
        CompletableFuture.allOf(sockets.stream().map(s -> s.close().exceptionally(failure -> null))
                .toArray(CompletableFuture[]::new)).join();
    }

    @Override
    public void close() {
        executors.forEach(ExecutorService::shutdownNow);
    }
}
