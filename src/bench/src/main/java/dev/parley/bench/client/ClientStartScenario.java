package dev.parley.bench.client;

import dev.parley.bench.harness.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * Cold start to inbox painted: a person with 500 conversations signs in once (the client caches them), then the
 * client is started again and again, each time in a new JVM, timed from just before the process starts to the
 * client's own "inbox painted" log line. Once without and once with an AppCDS archive made by a training run.
 */
@Command(name = "client-start", description = "Cold start to inbox painted with 500 conversations cached (target "
        + "≤ 1.5 s with AppCDS; reported with and without).")
public final class ClientStartScenario extends ClientScenario {
    private static final double TARGET_MILLIS = 1_500;

    private int conversations;

    @Override
    protected void seed(Report report) throws Exception {
        conversations = seedInbox(report, quick ? 10 : 500, quick ? 3 : 20);
    }

    @Override
    protected void measure(Report report) throws Exception {
        int launches = quick ? 2 : 7;
        report.parameter("launches", launches);
        Map<String, Integer> params = Map.of("conversations", conversations);
        // The first sign-in: the client fetches the conversations and their recent messages into its cache.
        runOnce(params, List.of());

        List<ClientProbe.Painted> plain = launches(launches, params, List.of());
        report.row("cold start, no AppCDS, median", "ms", median(wall(plain)), "≤ 1,500 with AppCDS", null);
        report.row("CPU used by then, no AppCDS, median", "ms", median(cpu(plain)), null, null);
        report.note("no AppCDS: " + spread(wall(plain)) + "; CPU " + spread(cpu(plain)));

        Path archive = work.resolve("client.jsa");
        runOnce(params, List.of("-XX:ArchiveClassesAtExit=" + archive));
        if (!Files.isRegularFile(archive)) {
            report.note("no AppCDS archive was written (a class path with directories cannot be archived): the "
                    + "AppCDS rows are left out");
            return;
        }
        report.parameter("appCdsArchiveMiB", Math.round(Files.size(archive) / 1024.0 / 1024.0));
        List<ClientProbe.Painted> cds = launches(launches, params, List.of("-XX:SharedArchiveFile=" + archive,
                "-Xshare:auto"));
        double median = median(wall(cds));
        report.row("cold start, AppCDS, median", "ms", median, "≤ 1,500", median <= TARGET_MILLIS);
        report.row("cold start, AppCDS, max", "ms", wall(cds).stream().mapToDouble(d -> d).max().orElseThrow(),
                null, null);
        report.row("CPU used by then, AppCDS, median", "ms", median(cpu(cds)), null, null);
        report.note("AppCDS: " + spread(wall(cds)) + "; CPU " + spread(cpu(cds)));
        report.note("timed from just before the JVM is started to the client's 'inbox painted' log line (the first "
                + "pulse that lays out the list with conversations); the files are in the page cache (a warm disk)");
    }

    private List<ClientProbe.Painted> launches(int count, Map<String, Integer> params, List<String> flags)
            throws Exception {
        List<ClientProbe.Painted> painted = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            painted.add(runOnce(params, flags));
        }
        return painted;
    }

    private static List<Double> wall(List<ClientProbe.Painted> painted) {
        return painted.stream().map(ClientProbe.Painted::wallMillis).toList();
    }

    private static List<Double> cpu(List<ClientProbe.Painted> painted) {
        return painted.stream().map(ClientProbe.Painted::cpuMillis).toList();
    }

    private ClientProbe.Painted runOnce(Map<String, Integer> params, List<String> flags) throws Exception {
        try (ClientProbe probe = launch(CaughtUp.class, params, flags)) {
            ClientProbe.Painted painted = probe.awaitPainted(Duration.ofMinutes(2));
            probe.awaitExit(Duration.ofMinutes(5));
            return painted;
        }
    }
}
