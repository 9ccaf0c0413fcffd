package dev.parley.bench.client;

import dev.parley.bench.harness.Report;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * Scrolling a 10,000-message chat: the client opens it at its newest message and is scrolled up to the first one
 * (loading history from the server page by page, as a person reading back would) and down again, while the FX
 * thread's pulses are timed.
 */
@Command(name = "client-scroll", description = "Scrolling a 10,000-message chat: no frame over 50 ms on the FX "
        + "thread.")
public final class ClientScrollScenario extends ClientScenario {
    private int messages;

    @Override
    protected void seed(Report report) throws Exception {
        messages = quick ? 300 : 10_000;
        report.parameter("messages", messages);
        seeder.chat(owner, "friend", messages);
    }

    @Override
    protected void measure(Report report) throws Exception {
        int step = 120;
        report.parameter("pixelsPerPulse", step);
        try (ClientProbe probe = launch(ScrollThrough.class, Map.of("step", step), List.of())) {
            double rows = probe.awaitNumber("rowsAtTop", Duration.ofMinutes(30));
            double longest = probe.awaitNumber("longestGapMs", Duration.ofMinutes(30));
            double over = probe.awaitNumber("gapsOver50ms", Duration.ofMinutes(1));
            report.row("longest gap between pulses", "ms", longest, "≤ 50", longest <= 50);
            report.row("gaps over 50 ms", "count", over, "0", over == 0);
            report.row("gap p99", "ms", probe.awaitNumber("p99GapMs", Duration.ofMinutes(1)), null, null);
            report.row("gap p50", "ms", probe.awaitNumber("p50GapMs", Duration.ofMinutes(1)), null, null);
            report.row("pulses", "count", probe.awaitNumber("pulses", Duration.ofMinutes(1)), null, null);
            report.row("rows in the chat at the top", "count", rows, null, null);
            report.row("scroll up (with history loads)", "s", probe.awaitNumber("upSeconds", Duration.ofMinutes(1)),
                    null, null);
            report.row("scroll down", "s", probe.awaitNumber("downSeconds", Duration.ofMinutes(1)), null, null);
            probe.awaitExit(Duration.ofMinutes(1));
        }
        report.note("scrolled by VirtualFlow.scrollPixels each pulse (what the mouse wheel calls); rows include day "
                + "separators");
    }
}
