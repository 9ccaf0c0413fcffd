package dev.parley.bench.server;

import dev.parley.bench.harness.Jvm;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;

/**
 * The Parley server in a JVM of its own, on a free port with its own data directory, started as an operator
 * would ({@code dev.parley.server.Main}). Passwords are hashed cheaply (Argon2id 1 MiB, 1 iteration) and the
 * per-account limits are relaxed, since the load generator signs in thousands of accounts and each sends
 * more than a person would; the load comes from one address, so its connection cap is lifted; everything else — durable commits, seq, fan-out — is the production path.
 */
public final class ServerUnderTest implements AutoCloseable {
    private final Jvm jvm;
    private final URI uri;

    private ServerUnderTest(Jvm jvm, URI uri) {
        this.jvm = jvm;
        this.uri = uri;
    }

    /** Starts a server with its data under {@code dataDir}; {@code jvmFlags} come after {@link Jvm#COMMON_FLAGS}. */
    public static ServerUnderTest start(Path dataDir, List<String> jvmFlags, String... extraArgs)
            throws TimeoutException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("--port", "0", "--data", dataDir(dataDir).toString(),
                "--argon-memory-kib", "1024", "--argon-iterations", "1", "--relaxed-limits",
                "--max-connections-per-address", "0"));
        args.addAll(List.of(extraArgs));
        // (as `java -jar parley-server.jar` does through its manifest: the WebSocket selector fix, decision 011)
        List<String> flags = new ArrayList<>(List.of("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"));
        flags.addAll(jvmFlags);
        Jvm jvm = Jvm.start("parley-server", dataDir, flags, "dev.parley.server.Main", args);
        try {
            Matcher m = jvm.awaitLine("listening on (ws://\\S+)", Duration.ofSeconds(60));
            return new ServerUnderTest(jvm, URI.create(m.group(1)));
        } catch (TimeoutException | InterruptedException | RuntimeException e) {
            jvm.close();
            throw e;
        }
    }

    /** Where the server started with {@code dir} keeps its database (to prepare it before the start). */
    public static Path dataDir(Path dir) {
        return dir.resolve("data");
    }

    public URI uri() {
        return uri;
    }

    public Jvm jvm() {
        return jvm;
    }

    @Override
    public void close() {
        jvm.close();
    }
}
