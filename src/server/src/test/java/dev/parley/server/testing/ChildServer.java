package dev.parley.server.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A server in its own JVM, started through the real {@code Main}, so a test can kill it with SIGKILL. */
public final class ChildServer implements AutoCloseable {
    private static final long START_SECONDS = 90;
    private static final Pattern LISTENING = Pattern.compile("listening on (ws://\\S+:\\d+)");

    private final Process process;
    private final URI uri;

    private ChildServer(Process process, URI uri) {
        this.process = process;
        this.uri = uri;
    }

    public static ChildServer start(Path dataDir) throws IOException {
        return start(List.of("--data", dataDir.toString()));
    }

    /** A server with these options besides the test ones (a free port, cheap hashing, relaxed limits). */
    public static ChildServer start(List<String> options) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                // Start fast: tests restart this server many times, and it never runs long enough to need C2.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dlogback.configurationFile=logback.xml", "dev.parley.server.Main",
                "--port", "0", "--argon-memory-kib", "1024", "--argon-iterations", "1", "--relaxed-limits"));
        command.addAll(options);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<URI> listening = new CompletableFuture<>();
        Deque<String> lastLines = new ConcurrentLinkedDeque<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    lastLines.addLast(line);
                    if (lastLines.size() > 40) {
                        lastLines.pollFirst();
                    }
                    Matcher matcher = LISTENING.matcher(line);
                    if (matcher.find()) {
                        listening.complete(URI.create(matcher.group(1)));
                    }
                }
            } catch (IOException e) {
                listening.completeExceptionally(e);
            }
            listening.completeExceptionally(new IOException("server exited before listening"));
        }, "child-server-output");
        reader.setDaemon(true);
        reader.start();
        try {
            // Generous: on a loaded machine a JVM start alone can take many seconds.
            return new ChildServer(process, listening.get(START_SECONDS, TimeUnit.SECONDS));
        } catch (Exception e) {
            boolean exited = !process.isAlive();
            process.destroyForcibly();
            throw new IOException("child server did not start within " + START_SECONDS + " s"
                    + (exited ? " (exited with " + process.exitValue() + ")" : " (still running)")
                    + "; its last lines:\n" + String.join("\n", lastLines), e);
        }
    }

    public URI uri() {
        return uri;
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
