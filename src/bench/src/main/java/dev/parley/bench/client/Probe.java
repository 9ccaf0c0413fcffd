package dev.parley.bench.client;

import dev.parley.bench.harness.Machine;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Inside the client's JVM: the running app as a {@link ProbeTask} sees it. Reads and changes the scene on the FX
 * thread only ({@link #fx}); reports figures as {@code BENCH key=value} lines on standard output, which
 * {@link ClientProbe} reads.
 */
public final class Probe {
    private static final Duration POLL = Duration.ofMillis(5);

    private final Map<String, String> params;

    Probe(Map<String, String> params) {
        this.params = Map.copyOf(params);
    }

    /** A parameter the parent passed ({@code key=value}), or {@code fallback}. */
    public String param(String key, String fallback) {
        return params.getOrDefault(key, fallback);
    }

    public int param(String key, int fallback) {
        return Integer.parseInt(param(key, Integer.toString(fallback)));
    }

    /** Reports a figure to the parent. */
    public void result(String key, Object value) {
        System.out.println("BENCH " + key + "=" + value);
        System.out.flush();
    }

    /** Runs {@code work} on the FX thread and waits for its value. */
    public <T> T fx(Callable<T> work) throws InterruptedException, TimeoutException {
        CompletableFuture<T> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                done.complete(work.call());
            } catch (Exception | Error e) {
                done.completeExceptionally(e);
            }
        });
        try {
            return done.get(2, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            throw new IllegalStateException("work on the FX thread failed", e.getCause());
        }
    }

    /** Runs {@code work} on the FX thread and waits for it. */
    public void fxRun(Runnable work) throws InterruptedException, TimeoutException {
        fx(() -> {
            work.run();
            return null;
        });
    }

    /** Polls {@code condition} on the FX thread every few milliseconds until it holds. */
    public void waitUntil(String what, Callable<Boolean> condition, Duration timeout)
            throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!fx(condition)) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("waited " + timeout + " for " + what);
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** The app's window, once it shows. */
    public Stage stage() throws InterruptedException, TimeoutException {
        awaitToolkit();
        waitUntil("the app window", () -> mainStage() != null, Duration.ofMinutes(2));
        return fx(Probe::mainStage);
    }

    /** The app starts JavaFX itself; until it has, nothing can run on the FX thread. */
    private static void awaitToolkit() throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            try {
                Platform.runLater(() -> { });
                return;
            } catch (IllegalStateException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("JavaFX did not start");
                }
                Thread.sleep(POLL.toMillis());
            }
        }
    }

    private static Stage mainStage() {
        for (Window window : Window.getWindows()) {
            if (window instanceof Stage stage && stage.isShowing() && stage.getScene() != null) {
                return stage;
            }
        }
        return null;
    }

    /** The first node of the app window matching a CSS selector, or null (call on the FX thread). */
    public Node lookup(String selector) {
        Stage stage = mainStage();
        Scene scene = stage == null ? null : stage.getScene();
        return scene == null ? null : scene.lookup(selector);
    }

    /** The conversation list (call on the FX thread). */
    public ListView<?> conversations() {
        return (ListView<?>) lookup(".conversation-list");
    }

    /** The open chat's message list (call on the FX thread). */
    public ListView<?> messages() {
        return (ListView<?>) lookup(".message-list");
    }

    /** Waits until the inbox shows {@code count} conversations and the catch-up with the server is done. */
    public void awaitSynced(int count, Duration timeout) throws InterruptedException, TimeoutException {
        stage();
        waitUntil(count + " conversations, caught up", () -> {
            ListView<?> list = conversations();
            Node banner = lookup("#banner");
            return list != null && list.getItems().size() >= count && banner != null && !banner.isVisible();
        }, timeout);
    }

    /** Waits for the inbox, opens its first conversation and waits until the chat shows messages. */
    public void openFirstChat() throws InterruptedException, TimeoutException {
        awaitSynced(1, Duration.ofMinutes(5));
        open(0);
        waitUntil("the chat", () -> messages() != null && !messages().getItems().isEmpty(), Duration.ofMinutes(1));
    }

    /** Opens the conversation at {@code index} of the list, as clicking its row does. */
    public void open(int index) throws InterruptedException, TimeoutException {
        fxRun(() -> {
            ListView<?> list = conversations();
            list.scrollTo(index);
            list.getSelectionModel().select(index);
        });
    }

    /** This process's resident set in bytes. */
    public long rssBytes() {
        return Machine.rssBytes(ProcessHandle.current().pid());
    }

    /**
     * Writes what the JVM says about its memory to {@code file}: native memory by area (with
     * {@code -XX:NativeMemoryTracking=summary}) and the heap's biggest classes.
     */
    public void writeMemoryDiagnostics(java.nio.file.Path file) throws Exception {
        StringBuilder text = new StringBuilder();
        for (String command : new String[] {"vmNativeMemory", "gcClassHistogram"}) {
            Object[] args = {command.equals("vmNativeMemory") ? new String[] {"summary"} : new String[0]};
            text.append(ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), command, args,
                    new String[] {String[].class.getName()})).append('\n');
        }
        java.nio.file.Files.writeString(file, text);
    }

    /** The heap in use after a full collection, in bytes. */
    public long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
