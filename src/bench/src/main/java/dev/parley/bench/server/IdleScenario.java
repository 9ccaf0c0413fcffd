package dev.parley.bench.server;

import dev.parley.bench.harness.Machine;
import dev.parley.bench.harness.Report;
import dev.parley.bench.harness.ScenarioCommand;
import dev.parley.bench.load.Accounts;
import dev.parley.bench.load.BenchSocket;
import dev.parley.bench.load.Bounded;
import dev.parley.bench.load.HttpClients;
import dev.parley.bench.load.ParleyConn;
import dev.parley.bench.relay.RelayUnderTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Idle connections held: how many, and what each costs in resident memory and live heap, for signed-in Parley
 * connections (what an idle app holds), anonymous Parley connections, and bare relay connections.
 */
@Command(name = "idle", description = "Idle connections held by the server and the bare relay: RSS and heap each.")
public final class IdleScenario extends ScenarioCommand {
    private static final int HANDSHAKES_IN_FLIGHT = 200;

    @Option(names = "--connections", description = "Connections to hold (default: 19,000; --quick: 200)")
    Integer connections;

    /** What a batch of opened connections came to: how many opened, and the first failure if any did not. */
    private record Opened<T>(List<T> connections, String firstFailure) {
        int count() {
            return connections.size();
        }
    }

    @Override
    protected void run(Report report) throws Exception {
        int n = connections != null ? connections : quick ? 200 : 19_000;
        report.parameter("connections", n).parameter("openFilesLimit", Machine.openFilesLimit());
        try (HttpClients http = new HttpClients(n, 2)) {
            Held parley = parley(report, http, n);
            Held relay = relay(http, n);
            report.row("connections held", "count", parley.held, relay.held, "≥ 19,000", parley.held >= 19_000);
            report.row("RSS per connection", "KiB", parley.rssKiB, relay.rssKiB, "≤ 1.25× relay",
                    parley.rssKiB <= 1.25 * relay.rssKiB);
            report.row("live heap per connection", "KiB", parley.heapKiB, relay.heapKiB, null, null);
            report.row("RSS with all connections", "MiB", parley.rssMiB, relay.rssMiB, null, null);
            report.row("threads with all connections", "count", parley.threads, relay.threads, null, null);
            report.note("relay heap growth per connection: " + relay.growth);
        }
    }

    /** One server's figures with its connections open. */
    private record Held(int held, double rssKiB, double heapKiB, double rssMiB, long threads, String growth) {
        static Held of(int held, ProcessSnapshot before, ProcessSnapshot after) {
            return new Held(held, after.rssPerConnectionKiB(before, held), after.heapPerConnectionKiB(before, held),
                    after.rssBytes() / 1024.0 / 1024.0, after.threads(), after.largestGrowth(before, held));
        }
    }

    private Held parley(Report report, HttpClients http, int n) throws Exception {
        Path dir = work.resolve("server");
        List<Accounts.Account> accounts = Accounts.seed(ServerUnderTest.dataDir(dir), "idle", n);
        try (ServerUnderTest server = ServerUnderTest.start(dir, jvmFlags())) {
            ProcessSnapshot before = ProcessSnapshot.of(server.jvm());
            Opened<ParleyConn> opened = open(n, i -> ParleyConn.connect(http.next(), server.uri()));
            ProcessSnapshot anonymous = ProcessSnapshot.of(server.jvm());
            int held = opened.count();
            List<?> signedIn = Bounded.run(held, HANDSHAKES_IN_FLIGHT,
                    i -> opened.connections().get(i).hello(accounts.get(i).token()));
            ProcessSnapshot after = ProcessSnapshot.of(server.jvm());
            long open = opened.connections().stream().filter(c -> c.socket().isOpen()).count();
            Held figures = Held.of((int) open, before, after);
            report.row("signed-in connections (hello)", "count", signedIn.size(), null, null);
            report.row("RSS per anonymous connection", "KiB", anonymous.rssPerConnectionKiB(before, held), null,
                    null);
            report.row("live heap per anonymous connection", "KiB", anonymous.heapPerConnectionKiB(before, held),
                    null, null);
            report.note("Parley heap growth per signed-in connection: " + figures.growth);
            if (opened.firstFailure() != null) {
                report.note("Parley: " + (n - held) + " connections failed to open, first: " + opened.firstFailure());
            }
            Accounts.closeAll(opened.connections());
            return figures;
        }
    }

    private Held relay(HttpClients http, int n) throws Exception {
        try (RelayUnderTest relay = RelayUnderTest.start(work.resolve("relay"), jvmFlags())) {
            ProcessSnapshot before = ProcessSnapshot.of(relay.jvm());
            Opened<BenchSocket> opened = open(n,
                    i -> BenchSocket.open(http.next(), relay.uri(Integer.toString(i)), text -> { }));
            ProcessSnapshot after = ProcessSnapshot.of(relay.jvm());
            long open = opened.connections().stream().filter(BenchSocket::isOpen).count();
            opened.connections().stream().map(s -> s.close().exceptionally(failure -> null)).toList()
                    .forEach(CompletableFuture::join);
            return Held.of((int) open, before, after);
        }
    }

    /** Opens up to {@code n} connections; one that fails to open is counted out rather than ending the run. */
    private static <T> Opened<T> open(int n, java.util.function.IntFunction<CompletableFuture<T>> connect)
            throws InterruptedException, ExecutionException {
        AtomicReference<String> firstFailure = new AtomicReference<>();
        List<T> all = Bounded.run(n, HANDSHAKES_IN_FLIGHT, i -> connect.apply(i).exceptionally(failure -> {
            firstFailure.compareAndSet(null, String.valueOf(failure));
            return null;
        }));
        return new Opened<>(all.stream().filter(Objects::nonNull).toList(), firstFailure.get());
    }
}
