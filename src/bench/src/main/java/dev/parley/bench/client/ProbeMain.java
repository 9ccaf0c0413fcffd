package dev.parley.bench.client;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;

/**
 * The client probe's JVM: {@code ProbeMain <task class> [key=value …] -- <client arguments>}. Starts the client
 * through {@code dev.parley.client.Main} exactly as its launcher does, runs the task beside it, then quits the
 * app the way closing its window does ({@code Platform.exit}).
 */
public final class ProbeMain {
    private ProbeMain() {
    }

    public static void main(String[] args) throws Exception {
        int split = Arrays.asList(args).indexOf("--");
        if (split < 1) {
            throw new IllegalArgumentException("usage: ProbeMain <task class> [key=value …] -- <client arguments>");
        }
        ProbeTask task = (ProbeTask) Class.forName(args[0]).getDeclaredConstructor().newInstance();
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : List.of(args).subList(1, split)) {
            int eq = pair.indexOf('=');
            params.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        Probe probe = new Probe(params);
        Thread runner = new Thread(() -> {
            try {
                task.run(probe);
                probe.result("done", 1);
                Platform.exit();
            } catch (Exception | Error e) {
                probe.result("error", e.toString().replace('\n', ' '));
                e.printStackTrace();
                Runtime.getRuntime().halt(1);
            }
        }, "bench-probe");
        runner.setDaemon(true);
        runner.start();
        dev.parley.client.Main.main(Arrays.copyOfRange(args, split + 1, args.length));
    }
}
