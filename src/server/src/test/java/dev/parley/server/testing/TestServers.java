package dev.parley.server.testing;

import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import dev.parley.server.social.AccountLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Real servers for tests: a free port, a data directory the test owns, cheap password hashing. */
public final class TestServers {
    private TestServers() {
    }

    /** Per-account limits are lifted: tests pipeline thousands of messages. RateLimitTest sets its own. */
    public static ServerConfig.Builder config(Path dataDir) {
        return ServerConfig.builder(dataDir).port(0).argon(1024, 1).accountRates(AccountLimits.Rates.GENEROUS);
    }

    public static ParleyServer start(Path dataDir) {
        return start(config(dataDir).build());
    }

    public static ParleyServer start(ServerConfig config) {
        try {
            return ParleyServer.start(config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
