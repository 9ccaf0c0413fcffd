package dev.parley.bench.client;

import dev.parley.bench.harness.Report;
import dev.parley.bench.harness.ScenarioCommand;
import dev.parley.bench.server.ServerUnderTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * A client scenario: a server under test holding one person's seeded history, and the real client signed in as
 * that person (headless, see {@link ClientProbe}). {@link #seed} fills the server; {@link #launch} starts the client.
 */
public abstract class ClientScenario extends ScenarioCommand {
    /** The person the client is signed in as. */
    protected static final String OWNER = "owner";

    protected ServerUnderTest server;
    protected Seeder seeder;
    protected Seeder.Account owner;
    private int launches;

    /** Fills the server (through {@link #seeder}, for {@link #owner}) and measures into {@code report}. */
    protected abstract void seed(Report report) throws Exception;

    /** Measures with the server seeded and the client's session saved. */
    protected abstract void measure(Report report) throws Exception;

    @Override
    protected final void run(Report report) throws Exception {
        // --jvm-flag is for the client here (JFR, NMT, a collector); the server is only the fixture.
        try (ServerUnderTest started = ServerUnderTest.start(work.resolve("server"), List.of())) {
            server = started;
            seeder = new Seeder(server.uri());
            owner = seeder.register(OWNER);
            long seeding = System.nanoTime();
            seed(report);
            report.parameter("seedSeconds", Math.round((System.nanoTime() - seeding) / 1e8) / 10.0);
            ClientProbe.signIn(clientData(), server.uri(), owner.handle(), owner.token());
            measure(report);
        }
        report.parameter("display", "headless (Monocle), software rendering");
    }

    /** Seeds {@code conversations} conversations of {@code messages} messages each; returns how many. */
    protected int seedInbox(Report report, int conversations, int messages) throws Exception {
        report.parameter("conversations", conversations).parameter("messagesPerConversation", messages);
        seeder.inbox(owner, "peer", conversations, messages);
        return conversations;
    }

    /** The client's data directory (its cache fills here like a real user's). */
    protected Path clientData() {
        return work.resolve("client");
    }

    /** The client's JVM flags: headless, then any {@code --jvm-flag}, then {@code extra}. */
    protected List<String> clientFlags(List<String> extra) {
        List<String> flags = new ArrayList<>(ClientProbe.HEADLESS);
        flags.addAll(jvmFlags());
        flags.addAll(extra);
        return flags;
    }

    /** Starts the client running {@code task}. */
    protected ClientProbe launch(Class<? extends ProbeTask> task, Map<String, ?> params, List<String> extraFlags) {
        return ClientProbe.start("client-" + ++launches, clientData(), server.uri(), clientFlags(extraFlags), task,
                params);
    }

    /** Median, min and max of {@code values} in one line for the notes. */
    protected static String spread(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return String.format(java.util.Locale.ROOT, "median %.0f, min %.0f, max %.0f ms over %d (%s)",
                median(sorted), sorted.get(0), sorted.get(sorted.size() - 1), sorted.size(),
                String.join(", ", values.stream().map(v -> String.format(java.util.Locale.ROOT, "%.0f", v)).toList()));
    }

    protected static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** A percentile of {@code millis}, from an HdrHistogram of microseconds. */
    protected static double percentile(List<Double> millis, double percentile) {
        Histogram h = new Histogram(3);
        millis.forEach(m -> h.recordValue(Math.max(0, Math.round(m * 1000))));
        return h.getValueAtPercentile(percentile) / 1000.0;
    }
}
