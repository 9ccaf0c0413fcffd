package dev.parley.bench.server;

import dev.parley.bench.harness.Jvm;
import dev.parley.bench.harness.ScenarioCommand;
import dev.parley.bench.load.Accounts;
import dev.parley.bench.load.HttpClients;
import dev.parley.bench.load.Pairs;
import dev.parley.bench.relay.RelayUnderTest;
import java.nio.file.Path;
import java.util.List;

/**
 * A 1:1 scenario: the same load driven over pairs of connections on the Parley server (accounts seeded, each pair
 * in a conversation both have written in), then over pairs on the bare relay, in the same invocation.
 */
abstract class PairScenario extends ScenarioCommand {
    @picocli.CommandLine.Option(names = "--server-jfr", paramLabel = "FILE",
            description = "Record the Parley server (only; in the cluster, node 1) with JFR's profile settings"
                    + " into FILE")
    Path serverJfr;

    @picocli.CommandLine.Option(names = "--pairs", description = "Pairs of connections (default: the scenario's size)")
    Integer pairs;

    @picocli.CommandLine.Option(names = "--warmup",
            description = "Seconds of load before measuring (default: the scenario's)")
    Integer warmup;

    @picocli.CommandLine.Option(names = "--seconds", description = "Seconds measured (default: the scenario's)")
    Integer seconds;

    /** {@code given} if an option set it, else the full or the {@code --quick} size. */
    protected int sized(Integer given, int full, int quickSize) {
        return given != null ? given : quick ? quickSize : full;
    }

    /** Drives the load over connected pairs on a server (whose JVM is {@code jvm}) and measures it. */
    @FunctionalInterface
    protected interface Drive<R> {
        R run(List<Pairs.Pair> pairs, Jvm jvm) throws Exception;
    }

    /** What the load measured on each server. */
    protected record Both<R>(R parley, R relay) {
    }

    protected <R> Both<R> onBoth(int pairs, Drive<R> drive) throws Exception {
        try (HttpClients http = new HttpClients(2 * pairs, 2)) {
            Path dir = work.resolve("server");
            List<Accounts.Account> accounts = Accounts.seed(ServerUnderTest.dataDir(dir), "pair", 2 * pairs);
            R parley;
            try (ServerUnderTest server = ServerUnderTest.start(dir, serverFlags())) {
                List<Pairs.Pair> connected = Pairs.parley(http, server.uri(), accounts);
                parley = drive.run(connected, server.jvm());
                Pairs.close(connected);
            }
            R relay;
            try (RelayUnderTest server = RelayUnderTest.start(work.resolve("relay"), jvmFlags())) {
                List<Pairs.Pair> connected = Pairs.relay(http, server::uri, pairs);
                relay = drive.run(connected, server.jvm());
                Pairs.close(connected);
            }
            return new Both<>(parley, relay);
        }
    }

    /** The Parley server's JVM flags: the child JVMs' flags, and the JFR recording if one was asked for. */
    protected List<String> serverFlags() {
        List<String> flags = new java.util.ArrayList<>(jvmFlags());
        if (serverJfr != null) {
            flags.add("-XX:StartFlightRecording=filename=" + serverJfr.toAbsolutePath() + ",settings=profile");
        }
        return flags;
    }

    /** CPU seconds (user + system) a process has used so far, from /proc/PID/stat; -1 where it does not tell. */
    protected static double cpuSeconds(long pid) {
        // after the command name: utime and stime are fields 14 and 15 of the whole line (1-based)
        return statSeconds(pid, 11, -1);
    }

    /** CPU seconds (user + system) of a process's children that have exited and been waited for; 0 if unknown. */
    protected static double reapedChildrenCpuSeconds(long pid) {
        // cutime and cstime are fields 16 and 17 of the whole line
        return statSeconds(pid, 13, 0);
    }

    /** The sum of two clock-tick fields of /proc/PID/stat, counted from the field after the command name. */
    private static double statSeconds(long pid, int first, double unknown) {
        try {
            String stat = java.nio.file.Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[first]) + Long.parseLong(fields[first + 1])) / 100.0;
        } catch (java.io.IOException | RuntimeException e) {
            return unknown;
        }
    }
}
