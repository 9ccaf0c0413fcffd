package dev.parley.bench.client;

import dev.parley.bench.harness.Report;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * Memory after loading 1,000 conversations × 100 messages and scrolling: the client signs in for the first time and
 * catches up on all of it, then conversations are opened one by one and scrolled to their first message; the
 * client's resident set is read at the end (and its heap after a full GC).
 */
@Command(name = "client-memory", description = "RSS after loading 1,000 conversations × 100 messages and scrolling "
        + "(target ≤ 250 MB).")
public final class ClientMemoryScenario extends ClientScenario {
    private static final double TARGET_MIB = 250;

    private int conversations;

    @Override
    protected void seed(Report report) throws Exception {
        conversations = seedInbox(report, quick ? 8 : 1_000, quick ? 20 : 100);
    }

    @Override
    protected void measure(Report report) throws Exception {
        int seconds = quick ? 600 : 150;
        report.parameter("readingSeconds", seconds);
        Path diagnostics = work.resolve("client-memory.txt");
        try (ClientProbe probe = launch(ReadEverything.class, Map.of("conversations", conversations,
                "seconds", seconds, "diagnostics", diagnostics), List.of())) {
            double synced = probe.awaitNumber("syncedRssMiB", Duration.ofMinutes(20));
            double read = probe.awaitNumber("read", Duration.ofMinutes(10));
            double rss = probe.awaitNumber("rssMiB", Duration.ofMinutes(1));
            report.row("RSS after catching up", "MiB", synced, null, null);
            report.row("conversations opened and scrolled", "count", read, null, null);
            report.row("RSS after reading", "MiB", rss, "≤ 250", rss <= TARGET_MIB);
            report.row("heap after full GC", "MiB", probe.awaitNumber("heapAfterGcMiB", Duration.ofMinutes(1)),
                    null, null);
            report.row("RSS after full GC", "MiB", probe.awaitNumber("rssAfterGcMiB", Duration.ofMinutes(1)),
                    null, null);
            probe.awaitExit(Duration.ofMinutes(1));
        }
        report.note("the heap's biggest classes (and native memory by area with --jvm-flag="
                + "-XX:NativeMemoryTracking=summary): " + diagnostics);
        report.note("the client runs with the JVM's default heap sizing, as its launcher does (plus any --jvm-flag)");
    }
}
