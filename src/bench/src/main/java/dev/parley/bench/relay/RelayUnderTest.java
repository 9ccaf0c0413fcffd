package dev.parley.bench.relay;

import dev.parley.bench.harness.Jvm;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;

/** The bare relay in a JVM of its own, with the same flags as the server under test. */
public final class RelayUnderTest implements AutoCloseable {
    private final Jvm jvm;
    private final URI uri;

    private RelayUnderTest(Jvm jvm, URI uri) {
        this.jvm = jvm;
        this.uri = uri;
    }

    public static RelayUnderTest start(Path workDir, List<String> jvmFlags)
            throws TimeoutException, InterruptedException {
        Jvm jvm = Jvm.start("bare-relay", workDir, jvmFlags, BareRelay.class.getName(), List.of("0"));
        try {
            Matcher m = jvm.awaitLine("relay listening on (ws://\\S+)", Duration.ofSeconds(30));
            return new RelayUnderTest(jvm, URI.create(m.group(1)));
        } catch (TimeoutException | InterruptedException | RuntimeException e) {
            jvm.close();
            throw e;
        }
    }

    /** The address a connection named {@code id} uses. */
    public URI uri(String id) {
        return uri.resolve("/" + id);
    }

    public Jvm jvm() {
        return jvm;
    }

    @Override
    public void close() {
        jvm.close();
    }
}
