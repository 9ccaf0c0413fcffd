package dev.parley.bench;

import dev.parley.bench.client.ClientMemoryScenario;
import dev.parley.bench.client.ClientScrollScenario;
import dev.parley.bench.client.ClientStartScenario;
import dev.parley.bench.client.EmojiPickerScenario;
import dev.parley.bench.client.photo.PhotoScenario;
import dev.parley.bench.client.photo.PhotoVariants;
import dev.parley.bench.server.ClusterScenario;
import dev.parley.bench.server.FanoutScenario;
import dev.parley.bench.server.StormScenario;
import dev.parley.bench.server.IdleScenario;
import dev.parley.bench.server.LatencyScenario;
import dev.parley.bench.server.ThroughputScenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar src/bench/target/parley-bench.jar <scenario> [--quick]}: runs one scenario against the Parley
 * server (and the bare relay in the same invocation) or the client, prints a table and writes JSON.
 */
@Command(name = "parley-bench", mixinStandardHelpOptions = true, version = "Parley bench 0.1",
        description = "Measures the Parley server against a bare WebSocket relay, and the client.",
        subcommands = {IdleScenario.class, LatencyScenario.class, ThroughputScenario.class, FanoutScenario.class,
                StormScenario.class, ClusterScenario.class, ClientStartScenario.class, ClientMemoryScenario.class,
                EmojiPickerScenario.class, ClientScrollScenario.class, PhotoScenario.class, PhotoVariants.class})
public final class Main implements Runnable {
    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
