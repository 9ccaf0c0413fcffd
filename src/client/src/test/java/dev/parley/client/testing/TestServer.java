package dev.parley.client.testing;

import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import dev.parley.server.net.ServerCertificate;
import dev.parley.server.social.AccountLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;

/** A real server for client tests: a free port, its own data directory, restartable on the same port. */
public final class TestServer implements AutoCloseable {
    static {
        dev.parley.server.testing.TestServers.javaWebSocketAsInProduction();
    }

    private final Path dataDir;
    private final AccountLimits.Rates rates;
    private final ServerCertificate tls;
    private ParleyServer server;
    private int port;

    /** Per-account limits are lifted: tests set up history in bulk. */
    public TestServer(Path dataDir) {
        this(dataDir, AccountLimits.Rates.GENEROUS);
    }

    public TestServer(Path dataDir, AccountLimits.Rates rates) {
        this(dataDir, rates, null);
    }

    /** A server speaking {@code wss://} with this certificate. */
    public TestServer(Path dataDir, ServerCertificate tls) {
        this(dataDir, AccountLimits.Rates.GENEROUS, tls);
    }

    private TestServer(Path dataDir, AccountLimits.Rates rates, ServerCertificate tls) {
        this.dataDir = dataDir;
        this.rates = rates;
        this.tls = tls;
        start();
    }

    /** Starts again on the same port (after {@link #stop()}), like a server coming back. */
    public void start() {
        try {
            server = ParleyServer.start(ServerConfig.builder(dataDir).port(port).argon(1024, 1)
                    .accountRates(rates).tls(tls).build());
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
        return URI.create((tls != null ? "wss" : "ws") + "://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        stop();
    }
}
