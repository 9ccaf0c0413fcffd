package dev.parley.bench.client;

import dev.parley.bench.harness.Report;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * Emoji picker open: in an open chat, Ctrl+E's action opens the picker and the same action closes it, many times;
 * the first open builds the picker, the others show it again.
 */
@Command(name = "emoji-picker", description = "Emoji picker open, warm (target ≤ 100 ms).")
public final class EmojiPickerScenario extends ClientScenario {
    private static final double TARGET_MILLIS = 100;

    @Override
    protected void seed(Report report) throws Exception {
        seeder.chat(owner, "friend", 30);
    }

    @Override
    protected void measure(Report report) throws Exception {
        int opens = quick ? 4 : 31;
        report.parameter("opens", opens);
        List<Double> warm = new ArrayList<>();
        List<Double> warmCpu = new ArrayList<>();
        double cold;
        double coldCpu;
        try (ClientProbe probe = launch(EmojiOpens.class, Map.of("opens", opens), List.of())) {
            cold = probe.awaitNumber("open.0", Duration.ofMinutes(5));
            coldCpu = probe.awaitNumber("cpu.0", Duration.ofMinutes(1));
            for (int i = 1; i < opens; i++) {
                warm.add(probe.awaitNumber("open." + i, Duration.ofMinutes(1)));
                warmCpu.add(probe.awaitNumber("cpu." + i, Duration.ofMinutes(1)));
            }
            probe.awaitExit(Duration.ofMinutes(1));
        }
        double median = median(warm);
        double p90 = percentile(warm, 90);
        report.row("first open (cold)", "ms", cold, null, null);
        report.row("warm open, median", "ms", median, "≤ 100", median <= TARGET_MILLIS);
        report.row("warm open, p90", "ms", p90, "≤ 100", p90 <= TARGET_MILLIS);
        report.row("warm open, max", "ms", warm.stream().mapToDouble(d -> d).max().orElseThrow(), null, null);
        report.row("FX thread CPU, first open", "ms", coldCpu, null, null);
        report.row("FX thread CPU, warm open, median", "ms", median(warmCpu), null, null);
        report.note("from Ctrl+E's action to the end of the first pulse that lays the picker out (its frame is then "
                + "rendered); warm opens: " + spread(warm));
    }
}
