package dev.parley.server.testing;

import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** Base of wire-level tests: a real server of the test's own, and the clients it opened, closed afterwards. */
public abstract class ServerTest {
    @TempDir
    protected Path dataDir;
    protected ParleyServer server;
    private final List<WireClient> clients = new ArrayList<>();

    protected void startServer() {
        startServer(TestServers.config(dataDir).build());
    }

    protected void startServer(ServerConfig config) {
        server = TestServers.start(config);
    }

    /** Registers a new account on the server (closed after the test). */
    protected WireClient user(String handle) {
        return track(WireClient.registered(server.uri(), handle));
    }

    protected WireClient track(WireClient client) {
        clients.add(client);
        return client;
    }

    @AfterEach
    void stopServer() {
        clients.forEach(WireClient::close);
        if (server != null) {
            server.stop();
        }
    }
}
