package dev.parley.server;

import dev.parley.server.auth.LoginLimits;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * Everything a server needs to start. {@link #defaults(Path)} suits production; tests and the embedded demo
 * lower the password-hashing cost and pick port 0 (any free port).
 *
 * @param bind             interface to listen on, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}
 * @param port             TCP port; 0 picks a free one (see {@link ParleyServer#port()})
 * @param dataDir          where the database file lives
 * @param argonMemoryKiB   Argon2id memory cost
 * @param argonIterations  Argon2id time cost
 * @param maxBacklogFrames unread outbound frames after which a connection is cut off
 */
public record ServerConfig(String bind, int port, Path dataDir, Clock clock, int argonMemoryKiB,
        int argonIterations, int hashThreads, int workerThreads, int maxBacklogFrames, LoginLimits loginLimits) {

    public static final int DEFAULT_PORT = 7447;

    public ServerConfig {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(loginLimits, "loginLimits");
    }

    public static ServerConfig defaults(Path dataDir) {
        int cores = Runtime.getRuntime().availableProcessors();
        return new ServerConfig("127.0.0.1", DEFAULT_PORT, dataDir, Clock.systemUTC(), 64 * 1024, 3,
                Math.max(1, cores / 2), Math.max(4, cores * 2), 2_048, LoginLimits.DEFAULT);
    }

    public ServerConfig withBind(String bind) {
        return new ServerConfig(bind, port, dataDir, clock, argonMemoryKiB, argonIterations, hashThreads,
                workerThreads, maxBacklogFrames, loginLimits);
    }

    public ServerConfig withPort(int port) {
        return new ServerConfig(bind, port, dataDir, clock, argonMemoryKiB, argonIterations, hashThreads,
                workerThreads, maxBacklogFrames, loginLimits);
    }

    public ServerConfig withClock(Clock clock) {
        return new ServerConfig(bind, port, dataDir, clock, argonMemoryKiB, argonIterations, hashThreads,
                workerThreads, maxBacklogFrames, loginLimits);
    }

    /** Argon2id cost; 1 MiB and 1 iteration hash in about a millisecond, for tests and the demo. */
    public ServerConfig withArgon(int memoryKiB, int iterations) {
        return new ServerConfig(bind, port, dataDir, clock, memoryKiB, iterations, hashThreads,
                workerThreads, maxBacklogFrames, loginLimits);
    }

    public ServerConfig withMaxBacklogFrames(int maxBacklogFrames) {
        return new ServerConfig(bind, port, dataDir, clock, argonMemoryKiB, argonIterations, hashThreads,
                workerThreads, maxBacklogFrames, loginLimits);
    }

    public ServerConfig withLoginLimits(LoginLimits loginLimits) {
        return new ServerConfig(bind, port, dataDir, clock, argonMemoryKiB, argonIterations, hashThreads,
                workerThreads, maxBacklogFrames, loginLimits);
    }
}
