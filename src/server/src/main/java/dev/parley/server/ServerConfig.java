package dev.parley.server;

import dev.parley.server.auth.LoginLimits;
import dev.parley.server.social.AccountLimits;
import dev.parley.server.store.BroadcastStore;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * Everything a server needs to start. {@link #builder(Path)} starts from production defaults; tests and the
 * embedded demo lower the password-hashing cost and pick port 0 (any free port).
 *
 * @param bind             interface to listen on, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}
 * @param port             TCP port; 0 picks a free one (see {@link ParleyServer#port()})
 * @param dataDir          where the database file lives
 * @param argonMemoryKiB   Argon2id memory cost
 * @param argonIterations  Argon2id time cost
 * @param maxBacklogFrames unread outbound frames after which a connection is cut off
 * @param maxConnectionsPerAddress open WebSocket connections allowed from one IP address; 0 for no cap (behind a
 *                         load balancer every client has the balancer's address: cap there instead)
 * @param handshakeTimeout how long an accepted connection has to finish its TLS and WebSocket handshake before it is
 *                         dropped (a client that never finishes would otherwise hold a socket for good)
 * @param pingInterval     how often each connection is pinged; one that leaves a ping unanswered for an interval
 *                         is dropped (its peer went away without closing)
 * @param broadcastPace    each sender's daily cap of broadcast recipients, and how many go out per minute
 * @param redis            Redis for delivery across nodes ({@code redis://host:port}); null: this node alone
 * @param nodeId           this node's name in logs and on the Redis channel
 * @param postgres         the shared PostgreSQL database of a multi-node deployment, or null for the SQLite file in
 *                         {@code dataDir} (media files stay under {@code dataDir} either way)
 * @param tls              the certificate to serve {@code wss://} with, or null for plain {@code ws://} (localhost,
 *                         or behind a TLS-terminating proxy)
 */
public record ServerConfig(String bind, int port, Path dataDir, Clock clock, int argonMemoryKiB,
        int argonIterations, int hashThreads, int workerThreads, int maxBacklogFrames, int maxConnectionsPerAddress,
        java.time.Duration handshakeTimeout, java.time.Duration pingInterval, LoginLimits loginLimits,
        AccountLimits.Rates accountRates, BroadcastStore.Pace broadcastPace, Postgres postgres, URI redis,
        String nodeId, dev.parley.server.net.ServerCertificate tls) {

    /**
     * Where a PostgreSQL database is: a JDBC URL ({@code jdbc:postgresql://host:5432/parley}) and, unless the URL
     * carries them, the user and password (either may be null).
     */
    public record Postgres(String jdbcUrl, String user, String password) {
        public Postgres {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
            }
        }

        @Override
        public String toString() {
            return "Postgres[" + jdbcUrl.replaceAll("(?i)password=[^&]*", "password=***") + ", user=" + user + "]";
        }
    }

    public static final int DEFAULT_PORT = 7447;
    /** Enough for a household or an office behind one NAT address, far below a server's file descriptors. */
    public static final int DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 64;
    /** Ample for a TLS and WebSocket handshake over a slow mobile link; nginx's client_header_timeout is 60 s. */
    public static final java.time.Duration DEFAULT_HANDSHAKE_TIMEOUT = java.time.Duration.ofSeconds(15);

    public ServerConfig {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(loginLimits, "loginLimits");
        Objects.requireNonNull(accountRates, "accountRates");
        Objects.requireNonNull(broadcastPace, "broadcastPace");
        Objects.requireNonNull(nodeId, "nodeId");
        if (handshakeTimeout == null || handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
            throw new IllegalArgumentException("handshakeTimeout must be positive");
        }
        if (pingInterval == null || pingInterval.isNegative() || pingInterval.isZero()) {
            throw new IllegalArgumentException("pingInterval must be positive");
        }
        if (maxConnectionsPerAddress < 0) {
            throw new IllegalArgumentException("maxConnectionsPerAddress must be 0 (no cap) or more");
        }
    }

    /** A name unique enough to tell nodes apart in logs: host name and process id. */
    public static String defaultNodeId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "node";
        }
        return host + "-" + ProcessHandle.current().pid();
    }

    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    /** Production defaults, each overridable. */
    public static final class Builder {
        private final Path dataDir;
        private String bind = "127.0.0.1";
        private int port = DEFAULT_PORT;
        private Clock clock = Clock.systemUTC();
        private int argonMemoryKiB = 64 * 1024;
        private int argonIterations = 3;
        private int hashThreads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        private int workerThreads = Math.max(4, Runtime.getRuntime().availableProcessors() * 2);
        private int maxBacklogFrames = 2_048;
        private int maxConnectionsPerAddress = DEFAULT_MAX_CONNECTIONS_PER_ADDRESS;
        private java.time.Duration handshakeTimeout = DEFAULT_HANDSHAKE_TIMEOUT;
        private java.time.Duration pingInterval = dev.parley.server.net.WsTransport.DEFAULT_PING_INTERVAL;
        private LoginLimits loginLimits = LoginLimits.DEFAULT;
        private AccountLimits.Rates accountRates = AccountLimits.Rates.DEFAULT;
        private BroadcastStore.Pace broadcastPace = BroadcastStore.Pace.DEFAULT;
        private URI redis;
        private String nodeId;
        private Postgres postgres;
        private dev.parley.server.net.ServerCertificate tls;

        private Builder(Path dataDir) {
            this.dataDir = dataDir;
        }

        public Builder bind(String bind) {
            this.bind = bind;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Argon2id cost; 1 MiB and 1 iteration hash in about a millisecond, for tests and the demo. */
        public Builder argon(int memoryKiB, int iterations) {
            this.argonMemoryKiB = memoryKiB;
            this.argonIterations = iterations;
            return this;
        }

        public Builder maxBacklogFrames(int maxBacklogFrames) {
            this.maxBacklogFrames = maxBacklogFrames;
            return this;
        }

        /** Open connections allowed from one IP address (default 64); 0 lifts the cap. */
        public Builder handshakeTimeout(java.time.Duration handshakeTimeout) {
            this.handshakeTimeout = handshakeTimeout;
            return this;
        }

        /** How often each connection is pinged (default 30 s); one leaving a ping unanswered that long is dropped. */
        public Builder pingInterval(java.time.Duration pingInterval) {
            this.pingInterval = pingInterval;
            return this;
        }

        public Builder maxConnectionsPerAddress(int maxConnectionsPerAddress) {
            this.maxConnectionsPerAddress = maxConnectionsPerAddress;
            return this;
        }

        public Builder loginLimits(LoginLimits loginLimits) {
            this.loginLimits = loginLimits;
            return this;
        }

        /** Per-account limits on messages, new conversations with strangers and follows. */
        public Builder accountRates(AccountLimits.Rates accountRates) {
            this.accountRates = accountRates;
            return this;
        }

        /** Broadcasts: recipients per sender per day, and per minute while sending. */
        public Builder broadcastPace(BroadcastStore.Pace broadcastPace) {
            this.broadcastPace = broadcastPace;
            return this;
        }

        /** Delivers events across nodes through this Redis ({@code redis://[user:password@]host[:port][/db]}). */
        public Builder redis(URI redis) {
            this.redis = redis;
            return this;
        }

        /** This node's name in logs and on the Redis channel (default: host name and process id). */
        public Builder nodeId(String nodeId) {
            this.nodeId = nodeId;
            return this;
        }

        /** Stores everything but media files in this PostgreSQL database instead of SQLite (several nodes). */
        public Builder postgres(String jdbcUrl) {
            return postgres(jdbcUrl, null, null);
        }

        /** As {@link #postgres(String)}, with the user and password apart from the URL; null to clear. */
        public Builder postgres(String jdbcUrl, String user, String password) {
            this.postgres = jdbcUrl == null ? null : new Postgres(jdbcUrl, user, password);
            return this;
        }

        /** Serves {@code wss://} with this certificate (null: plain {@code ws://}). */
        public Builder tls(dev.parley.server.net.ServerCertificate certificate) {
            this.tls = certificate;
            return this;
        }

        public ServerConfig build() {
            return new ServerConfig(bind, port, dataDir, clock, argonMemoryKiB, argonIterations, hashThreads,
                    workerThreads, maxBacklogFrames, maxConnectionsPerAddress, handshakeTimeout, pingInterval,
                    loginLimits, accountRates,
                    broadcastPace, postgres, redis,
                    nodeId == null || nodeId.isBlank() ? defaultNodeId() : nodeId, tls);
        }
    }
}
