package dev.parley.server;

import dev.parley.protocol.Codec;
import dev.parley.server.auth.AccountService;
import dev.parley.server.auth.PasswordHasher;
import dev.parley.server.bus.Bus;
import dev.parley.server.bus.LocalBus;
import dev.parley.server.bus.RedisBus;
import dev.parley.server.bus.RedisPresence;
import dev.parley.server.chat.ConversationService;
import dev.parley.server.chat.GroupService;
import dev.parley.server.chat.ScheduleService;
import dev.parley.server.insights.InsightsService;
import dev.parley.server.tools.QuickReplyService;
import dev.parley.server.outreach.BroadcastService;
import dev.parley.server.outreach.ContactBookService;
import dev.parley.server.store.sqlite.SqliteBroadcastStore;
import dev.parley.server.store.sqlite.SqliteContactStore;
import dev.parley.server.media.MediaService;
import dev.parley.server.net.Gateway;
import dev.parley.server.net.SessionRegistry;
import dev.parley.server.net.WsTransport;
import dev.parley.server.profile.ProfileService;
import dev.parley.server.safety.ReportService;
import dev.parley.server.store.sqlite.SqliteAccountStore;
import dev.parley.server.store.sqlite.SqliteConversationStore;
import dev.parley.server.store.DataDirectory;
import dev.parley.server.store.Lease;
import dev.parley.server.store.jdbc.Database;
import dev.parley.server.store.postgres.PostgresDatabase;
import dev.parley.server.store.sqlite.SqliteDatabase;
import dev.parley.server.store.sqlite.SqliteGroupStore;
import dev.parley.server.store.sqlite.SqliteInsightsStore;
import dev.parley.server.store.sqlite.SqliteMediaStore;
import dev.parley.server.store.sqlite.SqliteProfileStore;
import dev.parley.server.store.sqlite.SqliteQuickReplyStore;
import dev.parley.server.store.sqlite.SqliteReportStore;
import dev.parley.server.store.sqlite.SqliteScheduleStore;
import dev.parley.server.store.sqlite.SqliteSocialStore;
import dev.parley.server.social.AccountLimits;
import dev.parley.server.social.PresenceService;
import dev.parley.server.social.SocialService;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Parley server: the public start/stop API used by {@link Main} and by the desktop client's
 * embedded demo. All wiring is visible here.
 */
public final class ParleyServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ParleyServer.class);

    private final Database database;
    private final PasswordHasher hasher;
    private final ExecutorService workers;
    private final PresenceService presence;
    private final WsTransport transport;
    private final ScheduleService schedules;
    private final BroadcastService broadcasts;
    private final RedisBus redisBus;
    private final RedisPresence clusterPresence;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private ParleyServer(Database database, PasswordHasher hasher, ExecutorService workers,
            WsTransport transport, PresenceService presence, ScheduleService schedules, BroadcastService broadcasts,
            RedisBus redisBus, RedisPresence clusterPresence) {
        this.redisBus = redisBus;
        this.clusterPresence = clusterPresence;
        this.presence = presence;
        this.broadcasts = broadcasts;
        this.schedules = schedules;
        this.database = database;
        this.hasher = hasher;
        this.workers = workers;
        this.transport = transport;
    }

    /** Opens (and migrates) the database, then listens; returns once the port is bound. */
    public static ParleyServer start(ServerConfig config) throws IOException {
        DataDirectory.prepare(config.dataDir());
        Database database = open(config);
        Codec codec = new Codec();
        SessionRegistry registry = new SessionRegistry();
        PasswordHasher hasher = new PasswordHasher(config.argonMemoryKiB(), config.argonIterations(),
                config.hashThreads());
        SqliteAccountStore accountStore = new SqliteAccountStore(database);
        AccountService accounts = new AccountService(accountStore, hasher, registry,
                config.loginLimits(), config.clock());
        RedisBus redisBus = config.redis() == null ? null
                : new RedisBus(config.redis(), config.nodeId(), registry, codec, config.workerThreads() + 2);
        Bus bus = redisBus == null ? new LocalBus(registry, codec) : redisBus;
        AccountLimits limits = new AccountLimits(config.accountRates(), config.clock());
        SqliteSocialStore socialStore = new SqliteSocialStore(database);
        SqliteConversationStore conversationStore = new SqliteConversationStore(database);
        ConversationService conversations = new ConversationService(conversationStore, socialStore, limits, bus,
                config.clock());
        ExecutorService workers = Executors.newFixedThreadPool(config.workerThreads(), namedThreads("parley-worker"));
        RedisPresence clusterPresence = redisBus == null ? null : new RedisPresence(redisBus, registry);
        PresenceService presence = new PresenceService(socialStore, conversationStore,
                clusterPresence == null ? registry::isOnline : clusterPresence, bus, config.clock());
        registry.onPresence(clusterPresence == null ? presence : clusterPresence.before(presence));
        ScheduleService schedules = new ScheduleService(new SqliteScheduleStore(database), limits, bus, config.clock(),
                lease(database, "parley-scheduler"));
        SqliteBroadcastStore broadcastStore = new SqliteBroadcastStore(database);
        BroadcastService broadcasts = new BroadcastService(broadcastStore, limits, bus, config.clock(),
                config.broadcastPace(), lease(database, "parley-broadcasts"));
        SocialService social = new SocialService(socialStore, accountStore, limits, bus, config.clock(), presence,
                schedules::recheckFollowUps);
        ReportService reports = new ReportService(new SqliteReportStore(database), accountStore, socialStore, limits,
                config.clock(), presence);
        MediaService media = new MediaService(config.dataDir(), new SqliteMediaStore(database), config.clock());
        ProfileService profiles = new ProfileService(new SqliteProfileStore(database), accountStore, socialStore,
                social, limits, config.clock());
        GroupService groups = new GroupService(new SqliteGroupStore(database), conversationStore, limits,
                config.clock());
        InsightsService insights = new InsightsService(new SqliteInsightsStore(database), broadcastStore::totals,
                config.clock());
        Gateway gateway = new Gateway(codec, new Router(accounts, conversations, social, presence, reports, media,
                profiles, groups, schedules, new QuickReplyService(new SqliteQuickReplyStore(database), social, limits,
                bus, config.clock()), new ContactBookService(new SqliteContactStore(database), social, limits, bus,
                config.clock()), broadcasts, insights), media, workers);
        WsTransport transport = new WsTransport(new InetSocketAddress(config.bind(), config.port()), gateway,
                registry, config.maxBacklogFrames(), config.maxConnectionsPerAddress(), config.handshakeTimeout(),
                config.pingInterval());
        if (config.tls() != null) {
            transport.useTls(config.tls().context());
        }
        ParleyServer server = new ParleyServer(database, hasher, workers, transport, presence, schedules, broadcasts,
                redisBus, clusterPresence);
        if (redisBus != null) {
            awaitRedis(redisBus, config);
        }
        try {
            transport.startAndWait();
            schedules.start();
            broadcasts.start();
        } catch (IOException e) {
            server.stop();
            throw e;
        }
        if (config.tls() != null) {
            log.info("serving TLS with the certificate for {}, valid until {}",
                    config.tls().leaf().getSubjectX500Principal().getName(), config.tls().leaf().getNotAfter());
        }
        log.info("Parley server node {} listening on {} with data in {}{}{}", config.nodeId(), server.uri(),
                config.dataDir().toAbsolutePath(), config.postgres() == null ? "" : " and " + config.postgres(),
                redisBus == null ? "" : ", events through Redis");
        return server;
    }

    /** Waits a moment for Redis so the first clients hear other nodes; without it the node still serves. */
    private static void awaitRedis(RedisBus redisBus, ServerConfig config) {
        try {
            if (!redisBus.awaitSubscribed(Duration.ofSeconds(5))) {
                log.warn("node {}: Redis not reachable yet; serving anyway and retrying in the background",
                        config.nodeId());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The SQLite file in the data directory, or the shared PostgreSQL database when one is configured. */
    private static Database open(ServerConfig config) throws IOException {
        if (config.postgres() != null) {
            ServerConfig.Postgres pg = config.postgres();
            try {
                return PostgresDatabase.open(pg.jdbcUrl(), pg.user(), pg.password(), 8);
            } catch (RuntimeException e) {
                throw new IOException("cannot open the database " + pg, e);
            }
        }
        try {
            return SqliteDatabase.open(config.dataDir(), 4);
        } catch (SQLException e) {
            throw new IOException("cannot open the database in " + config.dataDir(), e);
        }
    }

    /** Background sending runs on one node at a time: a PostgreSQL advisory lock, or always held on SQLite. */
    private static Lease lease(Database database, String name) {
        return database instanceof PostgresDatabase postgres ? postgres.lease(name) : Lease.ALWAYS;
    }

    /** The port actually bound (useful after asking for port 0). */
    public int port() {
        return transport.getPort();
    }

    /** The WebSocket server itself, for tests that hand it frames in-process (the fuzz tests). */
    WsTransport transport() {
        return transport;
    }

    public URI uri() {
        String host = transport.getAddress().getHostString();
        return URI.create((transport.tls() ? "wss://" : "ws://") + (host.contains(":") ? "[" + host + "]" : host) + ":" + port());
    }

    /**
     * Graceful stop: refuse new connections and frames, let requests in progress finish and their writes
     * commit (acks go out), then close every connection with 1001 (going away).
     */
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        try {
            schedules.close();
            broadcasts.close();
            transport.drain(Duration.ofSeconds(10));
            workers.shutdown();
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("requests still running at shutdown");
            }
            hasher.close();
            presence.close();
            hasher.awaitTermination(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        database.close();
        try {
            transport.closeAll(Duration.ofSeconds(3));
            transport.stop(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (clusterPresence != null) {
            clusterPresence.close();
        }
        if (redisBus != null) {
            redisBus.close();
        }
        log.info("Parley server stopped");
    }

    @Override
    public void close() {
        stop();
    }

    private static java.util.concurrent.ThreadFactory namedThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return r -> {
            Thread thread = new Thread(r, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
