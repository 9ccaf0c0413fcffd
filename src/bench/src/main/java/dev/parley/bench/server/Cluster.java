package dev.parley.bench.server;

import dev.parley.bench.load.Accounts;
import dev.parley.server.store.postgres.PostgresDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import redis.embedded.RedisServer;

/**
 * A multi-node deployment on one machine, as docs/DEPLOY.md describes it: one PostgreSQL (default settings, so a
 * commit is flushed to disk as in production), one Redis, and {@code n} Parley nodes, each a JVM of its own started
 * with {@code --postgres}, {@code --redis} and {@code --node-id}.
 */
final class Cluster implements AutoCloseable {
    private final Path work;
    private final EmbeddedPostgres postgres;
    private final Path postgresData;
    private final RedisServer redis;
    private final List<ServerUnderTest> nodes = new ArrayList<>();
    private List<Accounts.Account> accounts = List.of();

    private Cluster(Path work, EmbeddedPostgres postgres, Path postgresData, RedisServer redis) {
        this.work = work;
        this.postgres = postgres;
        this.postgresData = postgresData;
        this.redis = redis;
    }

    /**
     * Starts PostgreSQL and Redis under {@code work}, migrates the database, writes {@code accountCount} accounts
     * into it (prefix {@code pair}), then starts {@code nodeCount} nodes, node {@code i} (from 1) with the JVM flags
     * {@code jvmFlags.apply(i)}.
     */
    static Cluster start(Path work, int nodeCount, int accountCount, IntFunction<List<String>> jvmFlags)
            throws Exception {
        Path pgWork = Files.createDirectories(work.resolve("postgres"));
        Path pgData = pgWork.resolve("data");
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(pgWork.toFile())
                .setDataDirectory(pgData)
                .setCleanDataDirectory(true)
                .setServerConfig("max_connections", "200")
                .start();
        RedisServer redis = null;
        Cluster cluster = null;
        try {
            Path redisDir = Files.createDirectories(work.resolve("redis"));
            redis = RedisServer.newRedisServer().bind("127.0.0.1").port(freePort())
                    .setting("save \"\"").setting("appendonly no").setting("dir " + redisDir).build();
            redis.start();
            cluster = new Cluster(work, postgres, pgData, redis);
            cluster.prepare(accountCount);
            for (int i = 1; i <= nodeCount; i++) {
                cluster.nodes.add(ServerUnderTest.start(work.resolve("node" + i), jvmFlags.apply(i),
                        "--postgres", cluster.jdbcUrl(), "--redis", "redis://127.0.0.1:" + redis.ports().get(0),
                        "--node-id", "node" + i));
            }
            return cluster;
        } catch (Exception | Error e) {
            if (cluster != null) {
                cluster.close();
            } else {
                if (redis != null) {
                    redis.stop();
                }
                postgres.close();
            }
            throw e;
        }
    }

    private String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "parley");
    }

    private void prepare(int accountCount) throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE parley");
        }
        try (PostgresDatabase db = PostgresDatabase.open(jdbcUrl(), null, null, 4)) {
            accounts = Accounts.seed(db, "pair", accountCount);
        }
    }

    /** The accounts written before the nodes started, with their session tokens. */
    List<Accounts.Account> accounts() {
        return accounts;
    }

    /** Each node's WebSocket address, node 1 first. */
    List<URI> uris() {
        return nodes.stream().map(ServerUnderTest::uri).toList();
    }

    /** CPU seconds all the nodes have used so far. */
    double nodesCpuSeconds() {
        return nodes.stream().mapToDouble(node -> PairScenario.cpuSeconds(node.jvm().pid())).sum();
    }

    /** CPU seconds PostgreSQL has used so far: the postmaster, its live backends and the children it reaped. */
    double postgresCpuSeconds() {
        try {
            long postmaster = Long.parseLong(Files.readAllLines(postgresData.resolve("postmaster.pid")).get(0).trim());
            return Stream.concat(Stream.of(postmaster), ProcessHandle.of(postmaster).stream()
                            .flatMap(ProcessHandle::descendants).map(ProcessHandle::pid))
                    .mapToDouble(PairScenario::cpuSeconds).sum() + PairScenario.reapedChildrenCpuSeconds(postmaster);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** CPU seconds the Redis server has used so far. */
    double redisCpuSeconds() {
        Optional<ProcessHandle> server = ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.contains("redis-server")).orElse(false))
                .findFirst();
        return server.map(p -> PairScenario.cpuSeconds(p.pid())).orElse(-1.0);
    }

    @Override
    public void close() {
        for (int i = 0; i < nodes.size(); i++) {
            keepOutput(nodes.get(i), work.resolve("node" + (i + 1)).resolve("output-tail.log"));
        }
        nodes.forEach(ServerUnderTest::close);
        try {
            redis.stop();
        } catch (IOException e) {
            // stopping anyway
        }
        try {
            postgres.close();
        } catch (IOException e) {
            // stopping anyway
        }
    }

    /** Keeps what a node printed last (its warnings and errors, if any) for reading after the run. */
    private static void keepOutput(ServerUnderTest node, Path file) {
        try {
            Files.writeString(file, node.jvm().tail(400));
        } catch (IOException e) {
            // only a convenience
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Conversations whose stored messages do not number exactly 1, 2, … n: with seqs unique per conversation
     * (the primary key), a gap shows as a highest seq above the count.
     */
    long conversationsWithSeqGaps() throws SQLException {
        return queryLong("SELECT count(*) FROM (SELECT conversation_id FROM messages GROUP BY conversation_id"
                + " HAVING max(seq) <> count(*) OR min(seq) <> 1) gaps");
    }

    private long queryLong(String sql) throws SQLException {
        try (Connection c = postgres.getDatabase("postgres", "parley").getConnection();
             Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
