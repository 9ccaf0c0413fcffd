package dev.parley.client.testing;

import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;

/** A real server for client tests: a free port, its own data directory, restartable on the same port. */
public final class TestServer implements AutoCloseable {
    private final Path dataDir;
    private ParleyServer server;
    private int port;

    public TestServer(Path dataDir) {
        this.dataDir = dataDir;
        start();
    }

    /** Starts again on the same port (after {@link #stop()}), like a server coming back. */
    public void start() {
        try {
            server = ParleyServer.start(ServerConfig.builder(dataDir).port(port).argon(1024, 1)
                    .accountRates(dev.parley.server.social.AccountLimits.Rates.GENEROUS).build());
            port = server.port();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    public URI uri() {
        return URI.create("ws://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        stop();
    }
}
