package dev.parley.bench.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A child JVM on this JVM's class path: the server under test, the bare relay or a client probe, each in a
 * process of its own so its memory and threads are its own. Output lines are kept (the last few hundred) and
 * can be watched for a line that says the child is ready.
 */
public final class Jvm implements AutoCloseable {
    /** Flags every child gets, the server and the relay alike, so their figures compare. */
    public static final List<String> COMMON_FLAGS = List.of("-XX:+UseParallelGC", "-Xss512k",
            "-XX:+AlwaysPreTouch", "-Xms256m");

    private static final int KEPT_LINES = 400;

    private final Process process;
    private final String name;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<Watch> watches = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    private record Watch(Pattern pattern, CompletableFuture<Matcher> found) {
    }

    private Jvm(String name, Process process) {
        this.name = name;
        this.process = process;
        Thread reader = new Thread(this::pump, name + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code mainClass} with {@code flags} (after {@link #COMMON_FLAGS} and before the main class) and
     * {@code args}. The working directory is {@code workDir}.
     */
    public static Jvm start(String name, Path workDir, List<String> flags, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(COMMON_FLAGS);
        command.addAll(flags);
        command.add("-cp");
        command.add(absoluteClassPath());
        command.add(mainClass);
        command.addAll(args);
        try {
            Files.createDirectories(workDir);
            Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .start();
            return new Jvm(name, process);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /** This JVM's class path with every entry absolute, since the child runs in another working directory. */
    private static String absoluteClassPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    /** Waits for an output line matching {@code regex} (already printed or still to come). */
    public Matcher awaitLine(String regex, Duration timeout) throws TimeoutException, InterruptedException {
        Pattern pattern = Pattern.compile(regex);
        CompletableFuture<Matcher> found = new CompletableFuture<>();
        watches.add(new Watch(pattern, found));
        for (String line : lines) {
            check(line, pattern, found);
        }
        try {
            return found.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(name + " ended before printing /" + regex + "/; last output:\n"
                    + tail(40), e.getCause());
        } catch (TimeoutException e) {
            throw new TimeoutException(name + " did not print /" + regex + "/ within " + timeout
                    + "; last output:\n" + tail(40));
        }
    }

    /** Runs {@code listener} for every line printed from now on. */
    public void onLine(Consumer<String> listener) {
        listeners.add(listener);
    }

    private static void check(String line, Pattern pattern, CompletableFuture<Matcher> found) {
        Matcher m = pattern.matcher(line);
        if (m.find()) {
            found.complete(m);
        }
    }

    private void pump() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
                if (lines.size() > KEPT_LINES) {
                    lines.remove(0);
                }
                for (Watch w : watches) {
                    check(line, w.pattern(), w.found());
                }
                for (Consumer<String> listener : listeners) {
                    listener.accept(line);
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
        for (Watch w : watches) {
            w.found().completeExceptionally(new IllegalStateException(name + " exited"));
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String tail(int count) {
        List<String> copy = new ArrayList<>(lines);
        return String.join("\n", copy.subList(Math.max(0, copy.size() - count), copy.size()));
    }

    /** The resident set of the process in bytes (Linux: VmRSS of /proc/PID/status). */
    public long rssBytes() {
        return Machine.rssBytes(process.pid());
    }

    /** Waits for the process to end by itself and returns its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException, TimeoutException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new TimeoutException(name + " still running after " + timeout + "; last output:\n" + tail(40));
        }
        return process.exitValue();
    }

    /** Asks the process to stop (SIGTERM), then kills it if it has not stopped within ten seconds. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
