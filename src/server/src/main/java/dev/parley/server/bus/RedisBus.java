package dev.parley.server.bus;

import dev.parley.protocol.Codec;
import dev.parley.protocol.Event;
import dev.parley.server.net.ClientConnection;
import dev.parley.server.net.SessionRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Connection;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The multi-node {@link Bus}: every event goes through one Redis pub/sub channel, and every node hands what it
 * hears there to its own connections. A node never delivers straight to its own connections, so the event it
 * publishes comes back to it once, like to every other node, and nobody gets it twice.
 *
 * <p>Redis only carries live traffic: what is stored is in the database, and a client that missed events
 * (because Redis or a node went away) catches up from its cursors when it reconnects. So when the subscription
 * comes back after a gap, this node closes its connections (1012, service restart) to make its clients resync.
 * An event this node could not publish is remembered by its recipients: once Redis takes publishes again, a
 * resync notice naming them goes out first, and every node closes their connections the same way.
 */
public final class RedisBus implements Bus, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RedisBus.class);
    /** The channel all nodes share; one deployment per Redis database (see docs/DEPLOY.md). */
    public static final String CHANNEL = "parley:events";
    /** Close code (service restart) for connections that may have missed events while Redis was away. */
    public static final int CLOSE_MISSED_EVENTS = 1012;
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    /** How often the subscription is pinged; after three pings without an answer it is dropped and redone. */
    private static final Duration PING_EVERY = Duration.ofSeconds(10);
    /** After a failed publish, later ones are dropped at once for this long rather than each waiting. */
    private static final Duration PUBLISH_PAUSE = Duration.ofSeconds(5);
    /** Past this many recipients of unpublished events, the resync notice names everybody. */
    private static final int MAX_MISSED_USERS = 100_000;

    private final String nodeId;
    private final SessionRegistry registry;
    private final Codec codec;
    private final HostAndPort address;
    private final JedisClientConfig clientConfig;
    private final JedisPooled publishers;
    private volatile Listener listener = new Listener(false);
    private final Thread subscriber;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch firstSubscribed = new CountDownLatch(1);
    private final AtomicLong failedPublishes = new AtomicLong();
    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "parley-redis-keepalive");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Runnable onGap = () -> { };
    private volatile boolean subscribed;
    /** Subscribed once, and not now: Redis is away, so publishing would only wait. */
    private volatile boolean lostSubscription;
    private volatile Jedis subscriberConnection;
    private volatile long lastPongNanos;
    private volatile long publishPausedUntilNanos;
    /** Recipients of events this node could not publish, owed a resync notice. */
    private final Set<Long> missedUsers = ConcurrentHashMap.newKeySet();
    private volatile boolean missedTooMany;

    /**
     * Connects the publisher pool and starts the subscriber thread; {@link #awaitSubscribed} says when events
     * from other nodes start arriving.
     *
     * @param redis     {@code redis://[user:password@]host[:port][/database]} (or {@code rediss://} for TLS)
     * @param nodeId    this node's name in logs and in the envelopes it publishes
     * @param poolSize  publisher connections (about the number of threads that publish at once)
     */
    public RedisBus(URI redis, String nodeId, SessionRegistry registry, Codec codec, int poolSize) {
        this.nodeId = nodeId;
        this.registry = registry;
        this.codec = codec;
        RedisEndpoint endpoint = RedisEndpoint.of(redis, nodeId, TIMEOUT);
        this.address = endpoint.address();
        this.clientConfig = endpoint.config();
        this.publishPausedUntilNanos = System.nanoTime();
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(poolSize);
        pool.setMaxIdle(poolSize);
        pool.setMaxWait(TIMEOUT);
        this.publishers = new JedisPooled(pool, address, clientConfig);
        this.subscriber = new Thread(this::subscribeUntilClosed, "parley-redis-subscriber");
        subscriber.setDaemon(true);
        subscriber.start();
        keepAlive.scheduleWithFixedDelay(this::pingSubscription, PING_EVERY.toMillis(), PING_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Also runs when the subscription comes back after a gap, after this node's connections were closed. */
    public void onGap(Runnable onGap) {
        this.onGap = onGap;
    }

    /** Waits until the subscriber is listening for the first time; false if Redis did not answer in time. */
    public boolean awaitSubscribed(Duration timeout) throws InterruptedException {
        return firstSubscribed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public String nodeId() {
        return nodeId;
    }

    /** The pooled connections, shared with {@link RedisPresence}. */
    JedisPooled redis() {
        return publishers;
    }

    @Override
    public void publish(long userId, Event event) {
        publish(List.of(userId), event);
    }

    /** One Redis message per event however many members receive it; the frame is encoded once. */
    @Override
    public void publish(Collection<Long> userIds, Event event) {
        if (userIds.isEmpty()) {
            return;
        }
        if (lostSubscription || System.nanoTime() - publishPausedUntilNanos < 0 || !sendResyncNotice()) {
            failedPublishes.incrementAndGet();
            missed(userIds);
            return;
        }
        String envelope = Envelope.write(nodeId, userIds, codec.encodeEvent(event));
        try {
            publishers.publish(CHANNEL, envelope);
            long failed = failedPublishes.getAndSet(0);
            if (failed > 0) {
                log.info("node {} publishes to Redis again ({} events were not delivered live)", nodeId, failed);
            }
        } catch (JedisException e) {
            // Not fatal: the event is stored (or only ephemeral, like typing); its recipients resync on reconnect.
            publishFailed(e);
            missed(userIds);
        }
    }

    private void publishFailed(JedisException e) {
        publishPausedUntilNanos = System.nanoTime() + PUBLISH_PAUSE.toNanos();
        if (failedPublishes.getAndIncrement() == 0) {
            log.warn("node {} cannot publish to Redis at {}; events are not delivered live until it is back",
                    nodeId, address, e);
        }
    }

    private void missed(Collection<Long> userIds) {
        if (missedTooMany) {
            return;
        }
        missedUsers.addAll(userIds);
        if (missedUsers.size() > MAX_MISSED_USERS) {
            missedTooMany = true;
            missedUsers.clear();
        }
    }

    /**
     * Publishes the resync notice owed for events that could not be published, if any: an envelope with no frame,
     * naming the recipients (or nobody, meaning everybody). True when nothing is owed any more.
     */
    private synchronized boolean sendResyncNotice() {
        if (!missedTooMany && missedUsers.isEmpty()) {
            return true;
        }
        boolean everybody = missedTooMany;
        List<Long> users = everybody ? List.of() : List.copyOf(missedUsers);
        try {
            publishers.publish(CHANNEL, Envelope.write(nodeId, users, ""));
        } catch (JedisException e) {
            publishFailed(e);
            return false;
        }
        if (everybody) {
            missedTooMany = false;
        } else {
            missedUsers.removeAll(users);
        }
        log.info("node {} asked {} to resync after events it could not publish", nodeId,
                everybody ? "every client" : users.size() + " users' clients");
        return true;
    }

    /** Sends an owed resync notice once Redis is there again, even if this node has nothing else to publish. */
    private void retryResyncNotice() {
        if (subscribed && !lostSubscription && System.nanoTime() - publishPausedUntilNanos >= 0) {
            sendResyncNotice();
        }
    }

    private void deliver(String message) {
        Envelope envelope;
        try {
            envelope = Envelope.read(message);
        } catch (IllegalArgumentException e) {
            log.warn("node {} ignores a malformed message on {}: {}", nodeId, CHANNEL, e.getMessage());
            return;
        }
        if (envelope.frame().isEmpty()) {
            resync(envelope);
            return;
        }
        ClientConnection.Shared frame = null;
        for (long userId : envelope.userIds()) {
            for (ClientConnection connection : registry.connectionsOf(userId)) {
                if (frame == null) {
                    frame = ClientConnection.share(envelope.frame());
                }
                connection.send(frame);
            }
        }
    }

    /** A resync notice: the named users' connections here (or all of them) may have missed events. */
    private void resync(Envelope notice) {
        String reason = "missed live events; reconnect and sync";
        if (notice.userIds().isEmpty()) {
            log.warn("node {} closes all its connections: node {} could not publish events", nodeId,
                    notice.nodeId());
            registry.closeAll(CLOSE_MISSED_EVENTS, reason);
            return;
        }
        for (long userId : notice.userIds()) {
            for (ClientConnection connection : registry.connectionsOf(userId)) {
                connection.close(CLOSE_MISSED_EVENTS, reason);
            }
        }
    }

    /** The subscriber thread: subscribe, and after any loss of Redis, subscribe again with backoff. */
    private void subscribeUntilClosed() {
        long backoffMillis = 100;
        boolean hadGap = false;
        boolean warned = false;
        while (!closed.get()) {
            try (Jedis jedis = new Jedis(address, clientConfig)) {
                subscriberConnection = jedis;
                // A fresh listener per connection: a broken one may still count itself subscribed.
                Listener current = new Listener(hadGap);
                listener = current;
                if (closed.get()) {
                    break;
                }
                jedis.subscribe(current, CHANNEL);
            } catch (JedisException e) {
                if (closed.get()) {
                    break;
                }
                if (subscribed) {
                    log.warn("node {} lost its Redis subscription at {} ({}); reconnecting", nodeId, address,
                            e.getMessage());
                } else if (!warned) {
                    log.warn("node {} cannot subscribe at {} ({}); retrying every {} s at most", nodeId, address,
                            e.getMessage(), MAX_BACKOFF.toSeconds());
                    warned = true;
                } else {
                    log.debug("node {} cannot subscribe at {} ({})", nodeId, address, e.getMessage());
                }
            } catch (RuntimeException e) {
                log.error("node {}: Redis subscriber failed; reconnecting", nodeId, e);
            }
            // Any failed attempt, before or after a subscription, may have let events pass by unheard.
            hadGap = true;
            if (subscribed) {
                backoffMillis = 100;
                warned = false;
                lostSubscription = true;
            }
            subscribed = false;
            subscriberConnection = null;
            if (closed.get()) {
                break;
            }
            try {
                Thread.sleep(backoffMillis);
            } catch (InterruptedException e) {
                break;
            }
            backoffMillis = Math.min(MAX_BACKOFF.toMillis(), backoffMillis * 2);
        }
        log.debug("node {}: Redis subscriber stopped", nodeId);
    }

    /**
     * A subscribed connection only reads, so a Redis that vanished without closing it (a network partition)
     * would go unnoticed: ping it, and drop it when the answers stop so that the subscriber reconnects.
     */
    private void pingSubscription() {
        Listener current = listener;
        Jedis connection = subscriberConnection;
        if (!subscribed || connection == null) {
            return;
        }
        try {
            retryResyncNotice();
            if (System.nanoTime() - lastPongNanos > 3 * PING_EVERY.toNanos()) {
                log.warn("node {}: Redis at {} stopped answering; reconnecting the subscription", nodeId, address);
                connection.disconnect();
            } else {
                current.ping();
            }
        } catch (RuntimeException e) {
            log.debug("node {}: pinging the Redis subscription failed", nodeId, e);
        }
    }

    /** Stops listening and closes the publisher pool. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            Listener current = listener;
            if (current.isSubscribed()) {
                current.unsubscribe();
            }
        } catch (JedisException | NullPointerException e) {
            log.debug("node {}: unsubscribe failed while closing", nodeId, e);
        }
        keepAlive.shutdownNow();
        subscriber.interrupt();
        try {
            subscriber.join(TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        publishers.close();
    }

    private final class Listener extends JedisPubSub {
        private final boolean resubscribed;

        Listener(boolean resubscribed) {
            this.resubscribed = resubscribed;
        }

        @Override
        public void onSubscribe(String channel, int subscribedChannels) {
            lastPongNanos = System.nanoTime();
            subscribed = true;
            lostSubscription = false;
            publishPausedUntilNanos = System.nanoTime(); // Redis answers again: publish at once
            // Clients that signed in here before the first subscription may have missed events as well. (Read
            // before anyone waiting for the subscription goes on, so none of their sign-ins counts as "before".)
            boolean missedEvents = resubscribed || !registry.onlineUserIds().isEmpty();
            firstSubscribed.countDown();
            keepAlive.execute(RedisBus.this::retryResyncNotice);
            if (missedEvents) {
                // Events published while we were away never reach us: make this node's clients resync.
                log.warn("node {} subscribed to {} {}at {}; closing its connections so clients resync",
                        nodeId, channel, resubscribed ? "again " : "after clients signed in ", address);
                try {
                    registry.closeAll(CLOSE_MISSED_EVENTS, "missed live events; reconnect and sync");
                    onGap.run();
                } catch (RuntimeException e) {
                    log.warn("node {}: closing connections after a Redis gap failed", nodeId, e);
                }
            } else {
                log.info("node {} subscribed to {} at {}", nodeId, channel, address);
            }
        }

        @Override
        public void onPong(String pattern) {
            lastPongNanos = System.nanoTime();
        }

        @Override
        public void onMessage(String channel, String message) {
            try {
                deliver(message);
            } catch (RuntimeException e) {
                log.warn("node {} could not deliver an event from {}", nodeId, channel, e);
            }
        }
    }
}
