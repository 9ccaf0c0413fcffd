package dev.parley.bench.client;

import dev.parley.bench.harness.Jvm;
import dev.parley.client.account.SavedSession;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real Parley client in a JVM of its own, started through its own {@code main} ({@code --server},
 * {@code --data-dir}) by {@link ProbeMain}, which then runs a {@link ProbeTask} inside it. The task's figures come
 * back as {@code BENCH key=value} lines; the client's own "inbox painted" log line is timed here, from just before
 * the process was started.
 *
 * <p>Headless by default (Monocle, software rendering), with the launcher's JVM defaults: none of the server's
 * pre-touched heap flags.
 */
public final class ClientProbe implements AutoCloseable {
    /** JavaFX without a display: Monocle's headless screen and the software renderer. */
    public static final List<String> HEADLESS = List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
            "-Dprism.order=sw", "-Djava.awt.headless=true");
    private static final Pattern RESULT = Pattern.compile("^BENCH (\\S+?)=(.*)$");
    private static final Pattern PAINTED = Pattern.compile("inbox painted (\\d+) ms after the process started");

    private final Jvm jvm;
    private final Map<String, CompletableFuture<String>> results = new ConcurrentHashMap<>();
    private final CompletableFuture<Painted> painted = new CompletableFuture<>();

    /**
     * When the inbox was first painted: as timed from outside, as the client itself says, and the CPU time the
     * client had used by then (all its threads; on a busy machine the wall time grows, this much less).
     */
    public record Painted(double wallMillis, long selfReportedMillis, double cpuMillis) {
    }

    private ClientProbe(Jvm jvm) {
        this.jvm = jvm;
    }

    /** Writes the signed-in session the client resumes at start, as its sign-in screen would have. */
    public static void signIn(Path dataDir, URI server, String handle, String token) throws IOException {
        new SavedSession(server, handle, handle, token).save(dataDir);
    }

    /**
     * Starts the client on {@code server} with its data in {@code dataDir} and runs {@code task} in it with
     * {@code params}. {@code flags} are the JVM's flags; add {@link #HEADLESS} for no display.
     */
    public static ClientProbe start(String name, Path dataDir, URI server, List<String> flags,
            Class<? extends ProbeTask> task, Map<String, ?> params) {
        List<String> args = new ArrayList<>();
        args.add(task.getName());
        params.forEach((k, v) -> args.add(k + "=" + v));
        args.addAll(List.of("--", "--server", server.toString(), "--data-dir", dataDir.toString()));
        Jvm jvm = Jvm.startWith(name, dataDir.resolveSibling(dataDir.getFileName() + "-run"), flags,
                ProbeMain.class.getName(), args);
        ClientProbe probe = new ClientProbe(jvm);
        jvm.onLine(probe::read);
        return probe;
    }

    private void read(String line) {
        long now = System.nanoTime();
        Matcher result = RESULT.matcher(line);
        if (result.find()) {
            results.computeIfAbsent(result.group(1), k -> new CompletableFuture<>()).complete(result.group(2));
            return;
        }
        Matcher mark = PAINTED.matcher(line);
        if (mark.find()) {
            double cpu = ProcessHandle.of(jvm.pid()).flatMap(p -> p.info().totalCpuDuration())
                    .map(d -> d.toNanos() / 1e6).orElse(-1.0);
            painted.complete(new Painted((now - jvm.startedNanos()) / 1e6, Long.parseLong(mark.group(1)), cpu));
        }
    }

    /** Waits for the client to log that it painted its inbox. */
    public Painted awaitPainted(Duration timeout) throws TimeoutException, InterruptedException {
        return await(painted, "inbox painted", timeout);
    }

    /** Waits for the task's {@code BENCH key=value} line and returns the value. */
    public String await(String key, Duration timeout) throws TimeoutException, InterruptedException {
        return await(results.computeIfAbsent(key, k -> new CompletableFuture<>()), "BENCH " + key, timeout);
    }

    /** As {@link #await}, as a number. */
    public double awaitNumber(String key, Duration timeout) throws TimeoutException, InterruptedException {
        return Double.parseDouble(await(key, timeout));
    }

    private <T> T await(CompletableFuture<T> future, String what, Duration timeout)
            throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                return future.get(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            } catch (TimeoutException e) {
                if (!jvm.isAlive() && !future.isDone()) {
                    throw new IllegalStateException(jvm + " exited before " + what + "; last output:\n"
                            + jvm.tail(60));
                }
            }
        }
        throw new TimeoutException(jvm + " did not report " + what + " within " + timeout + "; last output:\n"
                + jvm.tail(60));
    }

    /** Waits for the task to finish and the client to quit (the task's {@code done} line, then the exit). */
    public void awaitExit(Duration timeout) throws TimeoutException, InterruptedException {
        await("done", timeout);
        jvm.awaitExit(timeout);
    }

    public Jvm jvm() {
        return jvm;
    }

    @Override
    public void close() {
        jvm.close();
    }
}
