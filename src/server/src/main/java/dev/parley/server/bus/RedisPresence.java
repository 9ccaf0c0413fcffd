package dev.parley.server.bus;

import dev.parley.server.net.Identity;
import dev.parley.server.net.SessionRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Who is online across the cluster: each node keeps the ids of the users it holds in a Redis set of its own
 * ({@code parley:online:<node>}), which expires unless the node renews it, so a crashed node's users stop
 * counting as online within {@link #EXPIRY}. Sits between the registry and the presence announcements: the set
 * changes before the announcement asks who is online, so a user leaving one node while still on another is
 * not announced offline.
 */
public final class RedisPresence implements OnlineUsers, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RedisPresence.class);
    static final Duration EXPIRY = Duration.ofSeconds(15);
    private static final Duration RENEW_EVERY = Duration.ofSeconds(5);
    private static final String NODES = "parley:nodes";

    private final JedisPooled redis;
    private final String nodeId;
    private final SessionRegistry registry;
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "parley-redis-presence");
        thread.setDaemon(true);
        return thread;
    });
    /** False after a Redis error until the next renewal works: meanwhile only this node's users count. */
    private final AtomicBoolean reachable = new AtomicBoolean(true);

    public RedisPresence(RedisBus bus, SessionRegistry registry) {
        this.redis = bus.redis();
        this.nodeId = bus.nodeId();
        this.registry = registry;
        renewer.scheduleWithFixedDelay(this::renew, 0, RENEW_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    static String key(String nodeId) {
        return "parley:online:" + nodeId;
    }

    /**
     * What the registry tells when this node's users come and go: changes this node's set, then passes it on to
     * the announcements (the presence service), which then see the change when they ask who is online.
     */
    public SessionRegistry.PresenceListener before(SessionRegistry.PresenceListener announcements) {
        return new SessionRegistry.PresenceListener() {
            @Override
            public void online(Identity identity) {
                if (reachable.get()) {
                    call(() -> {
                        // (a transaction holds a pooled connection until it is closed)
                        try (var transaction = redis.multi()) {
                            transaction.sadd(key(nodeId), Long.toString(identity.userId()));
                            transaction.pexpire(key(nodeId), EXPIRY.toMillis());
                            transaction.exec();
                        }
                    });
                }
                announcements.online(identity);
            }

            @Override
            public void offline(Identity identity) {
                if (reachable.get()) {
                    call(() -> redis.srem(key(nodeId), Long.toString(identity.userId())));
                }
                announcements.offline(identity);
            }
        };
    }

    @Override
    public boolean isOnline(long userId) {
        return !onlineAmong(List.of(userId)).isEmpty();
    }

    @Override
    public Set<Long> onlineAmong(Collection<Long> userIds) {
        Set<Long> online = new HashSet<>();
        List<Long> elsewhere = new ArrayList<>();
        for (long userId : userIds) {
            (registry.isOnline(userId) ? online : elsewhere).add(userId);
        }
        if (elsewhere.isEmpty() || !reachable.get()) {
            return online;
        }
        String[] members = elsewhere.stream().map(String::valueOf).toArray(String[]::new);
        call(() -> {
            for (String node : redis.smembers(NODES)) {
                if (node.equals(nodeId)) {
                    continue;
                }
                List<Boolean> found = redis.smismember(key(node), members);
                for (int i = 0; i < members.length; i++) {
                    if (found.get(i)) {
                        online.add(elsewhere.get(i));
                    }
                }
            }
        });
        return online;
    }

    /** Rewrites this node's set from the registry and renews its expiry (also after Redis lost it). */
    private void renew() {
        String[] users = registry.onlineUserIds().stream().map(String::valueOf).toArray(String[]::new);
        boolean wasReachable = reachable.get();
        try {
            try (var transaction = redis.multi()) {
                transaction.del(key(nodeId));
                if (users.length > 0) {
                    transaction.sadd(key(nodeId), users);
                    transaction.pexpire(key(nodeId), EXPIRY.toMillis());
                }
                transaction.sadd(NODES, nodeId);
                transaction.exec();
            }
            forgetGoneNodes();
            if (!wasReachable) {
                log.info("node {} shares who is online through Redis again", nodeId);
            }
            reachable.set(true);
        } catch (JedisException e) {
            if (wasReachable) {
                log.warn("node {} cannot share who is online through Redis ({}); only its own users count as"
                        + " online until it can", nodeId, e.getMessage());
            }
            reachable.set(false);
        } catch (RuntimeException e) {
            log.warn("node {}: renewing presence in Redis failed", nodeId, e);
        }
    }

    /** Nodes whose set expired (they stopped, or hold nobody) leave the list; live ones add themselves back. */
    private void forgetGoneNodes() {
        for (String node : redis.smembers(NODES)) {
            if (!node.equals(nodeId) && !redis.exists(key(node))) {
                redis.srem(NODES, node);
            }
        }
    }

    private void call(Runnable command) {
        try {
            command.run();
        } catch (JedisException e) {
            if (reachable.getAndSet(false)) {
                log.warn("node {} cannot reach Redis for presence ({}); only its own users count as online until"
                        + " it can", nodeId, e.getMessage());
            }
        }
    }

    /** Stops renewing and removes this node's set: its users are offline as far as other nodes can tell. */
    @Override
    public void close() {
        renewer.shutdownNow();
        try {
            redis.del(key(nodeId));
            redis.srem(NODES, nodeId);
        } catch (JedisException e) {
            log.debug("node {}: could not remove its presence set while stopping", nodeId, e);
        }
    }
}
