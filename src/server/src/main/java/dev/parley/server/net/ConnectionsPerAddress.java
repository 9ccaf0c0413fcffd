package dev.parley.server.net;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Connections per remote IP address, with a cap, so one address cannot take every socket and file descriptor of
 * the server: the open WebSockets ({@link WsTransport}), and apart from them the unfinished handshakes
 * ({@link PendingHandshakes}). A cap of 0 means no cap (for servers behind a load balancer, where every
 * client arrives from the balancer's address).
 */
final class ConnectionsPerAddress {
    private final int max;
    private final ConcurrentMap<String, Integer> open = new ConcurrentHashMap<>();

    ConnectionsPerAddress(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max connections per address must be 0 (no cap) or more: " + max);
        }
        this.max = max;
    }

    /** Counts one more connection from {@code address}, unless that address is at the cap already. */
    boolean tryOpen(String address) {
        boolean[] admitted = {false};
        open.compute(address, (key, count) -> {
            int now = count == null ? 0 : count;
            if (max > 0 && now >= max) {
                return count;
            }
            admitted[0] = true;
            return now + 1;
        });
        return admitted[0];
    }

    /** Counts one connection admitted by {@link #tryOpen} as closed. */
    void closed(String address) {
        open.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
    }

    int max() {
        return max;
    }
}
