package dev.parley.server;

import dev.parley.server.net.ServerCertificate;
import dev.parley.server.social.AccountLimits;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * Runs a standalone Parley server until it is interrupted (SIGINT/SIGTERM stop it gracefully). Subcommands
 * work on a server's data directory instead: {@code reports} is the moderators' tool.
 */
@Command(name = "parley-server", mixinStandardHelpOptions = true, version = "Parley server 0.1",
        description = "Runs the Parley messaging server (or, with a command, works on its data).",
        subcommands = ReportsCommand.class, scope = ScopeType.INHERIT)
public final class Main implements Callable<Integer> {
    @Option(names = "--port", description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE})")
    int port = ServerConfig.DEFAULT_PORT;

    @Option(names = "--bind", description = "Interface to listen on (default: ${DEFAULT-VALUE})")
    String bind = "127.0.0.1";

    @Option(names = "--data", description = "Data directory (default: ${DEFAULT-VALUE})")
    Path data = Path.of("parley-data");

    @Option(names = "--argon-memory-kib", description = "Argon2id memory cost in KiB (default: ${DEFAULT-VALUE})")
    int argonMemoryKiB = 64 * 1024;

    @Option(names = "--argon-iterations", description = "Argon2id iterations (default: ${DEFAULT-VALUE})")
    int argonIterations = 3;

    @Option(names = "--max-connections-per-address", paramLabel = "N",
            description = "Open connections allowed from one IP address; past it a connection is closed with 1013."
                    + " 0 lifts the cap: do that behind a load balancer (all clients arrive from its address) and"
                    + " cap there instead (default: ${DEFAULT-VALUE})")
    int maxConnectionsPerAddress = ServerConfig.DEFAULT_MAX_CONNECTIONS_PER_ADDRESS;

    @Option(names = "--handshake-timeout", paramLabel = "SECONDS",
            description = "Seconds an accepted connection has to finish its TLS and WebSocket handshake before it is"
                    + " dropped (default: ${DEFAULT-VALUE})")
    long handshakeTimeoutSeconds = ServerConfig.DEFAULT_HANDSHAKE_TIMEOUT.toSeconds();

    @Option(names = "--relaxed-limits",
            description = "Lift the per-account limits on messages, conversations, follows and reports"
                    + " (load tests only).")
    boolean relaxedLimits;

    @Option(names = "--redis", paramLabel = "URI",
            description = "Redis for delivery across nodes, e.g. redis://redis:6379 (default: this node alone)")
    java.net.URI redis;

    @Option(names = "--node-id", paramLabel = "ID",
            description = "This node's name in logs and on Redis (default: host name and process id)")
    String nodeId;

    @Option(names = "--postgres", paramLabel = "JDBC-URL",
            description = "Store everything but media in this PostgreSQL database instead of SQLite, so several"
                    + " server nodes can share it, e.g. jdbc:postgresql://db:5432/parley (user and password may be"
                    + " given as ?user=…&password=… or with the two options below). Media files stay under --data,"
                    + " which all nodes must share.")
    String postgres;

    @Option(names = "--postgres-user", description = "PostgreSQL user (unless the URL names it)")
    String postgresUser;

    @Option(names = "--postgres-password",
            description = "PostgreSQL password (unless the URL has it); the environment variable"
                    + " PARLEY_POSTGRES_PASSWORD is read when this is not given")
    String postgresPassword;

    @Option(names = "--tls-cert", paramLabel = "FILE",
            description = "Serve wss:// with this certificate: a PEM file (the server's certificate first, then its"
                    + " issuers; give the key with --tls-key) or a PKCS12 store (.p12/.pfx, key inside; no --tls-key)")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE",
            description = "The PEM private key (PKCS#8, -----BEGIN PRIVATE KEY-----) of --tls-cert")
    Path tlsKey;

    @Option(names = "--tls-key-password", paramLabel = "PASSWORD", arity = "0..1", interactive = true,
            description = "Password of the PKCS12 store; the environment variable PARLEY_TLS_KEY_PASSWORD is read"
                    + " when this is not given")
    char[] tlsKeyPassword;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        ServerCertificate certificate;
        try {
            certificate = certificate();
        } catch (ServerCertificate.Problem e) {
            spec.commandLine().getErr().println("parley-server: cannot serve TLS: " + e.getMessage());
            return 2;
        }
        ServerConfig config = ServerConfig.builder(data).bind(bind).port(port)
                .argon(argonMemoryKiB, argonIterations).redis(redis).nodeId(nodeId)
                .maxConnectionsPerAddress(maxConnectionsPerAddress)
                .handshakeTimeout(java.time.Duration.ofSeconds(handshakeTimeoutSeconds))
                .accountRates(relaxedLimits ? AccountLimits.Rates.GENEROUS : AccountLimits.Rates.DEFAULT)
                .postgres(postgres, postgresUser,
                        postgresPassword != null ? postgresPassword : System.getenv("PARLEY_POSTGRES_PASSWORD"))
                .tls(certificate)
                .build();
        ParleyServer server = ParleyServer.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }, "parley-shutdown"));
        stopped.await();
        return 0;
    }

    /** The certificate the options name (PEM pair, or PKCS12 when there is no key file), or null for ws://. */
    private ServerCertificate certificate() throws ServerCertificate.Problem {
        if (tlsCert == null) {
            if (tlsKey != null) {
                throw new ServerCertificate.Problem("--tls-key needs --tls-cert (the certificate that goes with it)");
            }
            return null;
        }
        if (tlsKey != null) {
            return ServerCertificate.fromPem(tlsCert, tlsKey);
        }
        char[] password = tlsKeyPassword;
        if (password == null && System.getenv("PARLEY_TLS_KEY_PASSWORD") != null) {
            password = System.getenv("PARLEY_TLS_KEY_PASSWORD").toCharArray();
        }
        return ServerCertificate.fromPkcs12(tlsCert, password);
    }
}
