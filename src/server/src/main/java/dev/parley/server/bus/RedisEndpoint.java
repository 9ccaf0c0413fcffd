package dev.parley.server.bus;

import java.net.URI;
import java.time.Duration;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;

/**
 * Where Redis is and how to sign in, from {@code redis://[user:password@]host[:port][/database]} ({@code rediss://}
 * for TLS); every connection a node makes names the node ({@code CLIENT LIST} shows {@code parley-<node>}).
 */
record RedisEndpoint(HostAndPort address, JedisClientConfig config) {
    static final int DEFAULT_PORT = 6379;

    static RedisEndpoint of(URI redis, String nodeId, Duration timeout) {
        if (!"redis".equals(redis.getScheme()) && !"rediss".equals(redis.getScheme()) || redis.getHost() == null) {
            throw new IllegalArgumentException("not a redis://host[:port] address: " + redis);
        }
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis((int) timeout.toMillis()).socketTimeoutMillis((int) timeout.toMillis())
                .clientName("parley-" + nodeId.replaceAll("\\s", "_")).ssl("rediss".equals(redis.getScheme()));
        String userInfo = redis.getUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            if (colon < 0) {
                config.password(userInfo);
            } else {
                if (colon > 0) {
                    config.user(userInfo.substring(0, colon));
                }
                config.password(userInfo.substring(colon + 1));
            }
        }
        String path = redis.getPath();
        if (path != null && path.length() > 1) {
            try {
                config.database(Integer.parseInt(path.substring(1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the database in " + redis + " is not a number");
            }
        }
        return new RedisEndpoint(new HostAndPort(redis.getHost(), redis.getPort() == -1 ? DEFAULT_PORT
                : redis.getPort()), config.build());
    }
}
