package dev.parley.bench.client.photo;

import dev.parley.bench.client.ClientProbe;
import dev.parley.bench.client.Seeder;
import dev.parley.bench.harness.Report;
import dev.parley.bench.harness.ScenarioCommand;
import dev.parley.bench.server.ServerUnderTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A 12 MP photo dropped on an open chat in the real client (its own JVM, headless), signed in to the real server:
 * the time until the tray shows its thumbnail, until the sent photo shows in its bubble, and until the server
 * acknowledged it, for a first (cold) drop and warm ones; and the FX thread's longest pause over the whole run.
 * The recipient, signed in beside it, counts the photos that reach it.
 */
@Command(name = "photo", description = "A 12 MP photo dropped on a chat in the real client: drop → thumbnail "
        + "shown → acked, and the FX thread's pauses.")
public final class PhotoScenario extends ScenarioCommand {
    private static final long SEED = 12;
    private static final double TARGET_MS = 350;
    private static final double STALL_MS = 50;

    @Option(names = "--drops", description = "Photos dropped one after another, the first one cold "
            + "(default: ${DEFAULT-VALUE})")
    int drops = 11;

    @Option(names = "--orientation", description = "The photo's EXIF orientation, 1 (as stored) or 6 (a phone held "
            + "upright) (default: ${DEFAULT-VALUE})")
    int orientation = 1;

    @Override
    protected void run(Report report) throws Exception {
        int count = quick ? 2 : drops;
        int width = quick ? 1600 : 4000;
        int height = quick ? 1200 : 3000;
        Files.createDirectories(work);
        Path photo = Files.write(work.resolve("photo.jpg").toAbsolutePath(),
                SamplePhoto.jpeg(width, height, orientation, SEED));
        report.parameter("photo", width + "×" + height + " JPEG, EXIF orientation " + orientation + ", "
                + Files.size(photo) + " bytes").parameter("drops", count + " (the first cold)")
                .parameter("client", "headless (Monocle, software rendering); the drop goes to the chat pane's "
                        + "PhotoDrop.dropFiles on the FX thread, what its DRAG_DROPPED handler calls; Send is fired "
                        + "as soon as the tray shows the thumbnail");
        AtomicInteger arrived = new AtomicInteger();
        List<double[]> timelines = new ArrayList<>();
        double[] stalls;
        // --jvm-flag is for the client under test, as in the other client scenarios
        try (ServerUnderTest server = ServerUnderTest.start(work.resolve("server"), List.of())) {
            Seeder seeder = new Seeder(server.uri());
            Seeder.Account me = seeder.register("sender");
            Seeder.Account peer = seeder.register("recipient");
            long conversation = me.conn().openConversation("recipient").get(60, TimeUnit.SECONDS);
            me.conn().send(conversation, "photos from the weekend coming").get(60, TimeUnit.SECONDS);
            peer.conn().send(conversation, "go ahead").get(60, TimeUnit.SECONDS);
            peer.conn().onPush(frame -> {
                if (frame.contains("\"evt.message\"") && frame.contains("\"media\":[{")) {
                    arrived.incrementAndGet();
                }
            });
            Path dataDir = work.resolve("client");
            ClientProbe.signIn(dataDir, server.uri(), me.handle(), me.token());
            List<String> flags = new ArrayList<>(ClientProbe.HEADLESS);
            flags.addAll(jvmFlags());
            try (ClientProbe client = ClientProbe.start("parley-client", dataDir, server.uri(), flags,
                    PhotoDropTask.class, Map.of("photo", photo, "drops", count))) {
                for (int i = 0; i < count; i++) {
                    timelines.add(Arrays.stream(client.await("drop" + i, Duration.ofMinutes(3)).split(","))
                            .mapToDouble(Double::parseDouble).toArray());
                }
                stalls = new double[] {client.awaitNumber("longestGapMs", Duration.ofMinutes(1)),
                        client.awaitNumber("gapsOver50ms", Duration.ofMinutes(1)),
                        client.awaitNumber("gapP99Ms", Duration.ofMinutes(1)),
                        client.awaitNumber("pulses", Duration.ofMinutes(1))};
                client.awaitExit(Duration.ofMinutes(1));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (arrived.get() < count && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        fill(report, timelines, stalls, arrived.get());
    }

    /** {@code timelines}: per drop, ms from the drop to the tray's thumbnail, Send, the bubble's photo, the ack. */
    private static void fill(Report report, List<double[]> timelines, double[] stalls, int arrived) {
        double[] cold = timelines.get(0);
        report.row("cold: drop → tray thumbnail", "ms", cold[0], null, null);
        report.row("cold: drop → photo in its bubble", "ms", cold[2], null, null);
        report.row("cold: drop → acked", "ms", cold[3], null, null);
        List<double[]> warm = timelines.subList(1, timelines.size());
        if (!warm.isEmpty()) {
            warmRows(report, "warm: drop → tray thumbnail", warm, 0, null);
            warmRows(report, "warm: Send → photo in its bubble", warm, -2, null);
            warmRows(report, "warm: Send → acked", warm, -3, null);
            warmRows(report, "warm: drop → acked", warm, 3, TARGET_MS);
        }
        report.row("FX thread: longest pulse gap", "ms", stalls[0], "≤ " + (int) STALL_MS, stalls[0] <= STALL_MS);
        report.row("FX thread: pulse gaps > 50 ms", "count", stalls[1], "0", stalls[1] == 0);
        report.row("FX thread: pulse gap p99", "ms", stalls[2], null, null);
        report.row("FX thread: pulses seen", "count", stalls[3], null, null);
        report.row("photos the recipient received", "count", arrived, Integer.toString(timelines.size()),
                arrived == timelines.size());
    }

    /**
     * Median, p90 and max over the warm drops of column {@code column}; a negative column {@code -c} is column
     * {@code c} less the time Send was pressed (column 1).
     */
    private static void warmRows(Report report, String name, List<double[]> warm, int column, Double target) {
        double[] values = warm.stream().mapToDouble(t -> column >= 0 ? t[column] : t[-column] - t[1]).sorted()
                .toArray();
        double median = Timed.percentile(values, 50);
        String goal = target == null ? null : "≤ " + target.intValue();
        report.row(name + " median", "ms", median, goal, target == null ? null : median <= target);
        report.row(name + " p90", "ms", Timed.percentile(values, 90), goal,
                target == null ? null : Timed.percentile(values, 90) <= target);
        report.row(name + " max", "ms", values[values.length - 1], null, null);
    }
}
