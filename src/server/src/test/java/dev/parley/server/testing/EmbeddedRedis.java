package dev.parley.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.RedisServer;

/**
 * A real Redis server for a test (the redis-server binary shipped in the embedded-redis jar), on a free local
 * port, keeping nothing on disk. It can be stopped and started again on the same port to play a Redis outage.
 */
public final class EmbeddedRedis implements AutoCloseable {
    private final int port;
    private final RedisServer server;

    private EmbeddedRedis(int port, RedisServer server) {
        this.port = port;
        this.server = server;
    }

    public static EmbeddedRedis start() {
        try {
            int port = freePort();
            Path dir = Files.createDirectories(Path.of("target", "embedded-redis"));
            RedisServer server = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                    .setting("save \"\"").setting("appendonly no").setting("dir " + dir.toAbsolutePath())
                    .build();
            EmbeddedRedis redis = new EmbeddedRedis(port, server);
            redis.resume();
            return redis;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI uri() {
        return URI.create("redis://127.0.0.1:" + port);
    }

    /** Stops the server: connections drop, publishes fail, until {@link #resume()}. */
    public void pause() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server (again) on the same port. */
    public void resume() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (server.isActive()) {
            pause();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
