package dev.parley.server.store.postgres;

import dev.parley.server.store.Lease;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Lease} as a PostgreSQL session-level advisory lock ({@code pg_try_advisory_lock}) taken on a connection
 * of its own, outside the pool. The lock lasts as long as that session: a node that stops closes it, and one that
 * dies loses it when PostgreSQL notices the connection is gone; either way the next node to ask takes it. While
 * held, each call checks that the session is still alive, so a node whose connection broke stops at once.
 */
public final class AdvisoryLease implements Lease {
    private static final Logger log = LoggerFactory.getLogger(AdvisoryLease.class);
    /** Marks Parley's advisory locks apart from any other application's on the same database. */
    private static final int NAMESPACE = 0x5061726c; // "Parl"

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final String name;
    private final int key;
    private Connection session;
    private boolean held;
    private boolean closed;

    AdvisoryLease(String jdbcUrl, String user, String password, String name) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.name = name;
        CRC32 crc = new CRC32();
        crc.update(name.getBytes(StandardCharsets.UTF_8));
        this.key = (int) crc.getValue();
    }

    @Override
    public synchronized boolean held() {
        if (closed) {
            return false;
        }
        try {
            if (session == null || !session.isValid(2)) {
                drop();
                session = connect();
            }
            if (held) {
                return true;
            }
            try (PreparedStatement s = session.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
                s.setInt(1, NAMESPACE);
                s.setInt(2, key);
                try (ResultSet r = s.executeQuery()) {
                    held = r.next() && r.getBoolean(1);
                }
            }
            if (held) {
                log.info("this node now runs {}", name);
            }
            return held;
        } catch (SQLException e) {
            log.warn("cannot tell whether this node holds the {} lease; assuming not", name, e);
            drop();
            return false;
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", "parley lease " + name);
        // The session must not sit idle forever on a dead peer: TCP keep-alive lets either side notice.
        properties.setProperty("tcpKeepAlive", "true");
        Connection connection = DriverManager.getConnection(jdbcUrl, properties);
        connection.setAutoCommit(true);
        // And the server's side of this session must notice within a minute, not after the kernel's two hours:
        // until it does, the lock stays with a node that may be gone and nobody else can take over.
        try (java.sql.Statement settings = connection.createStatement()) {
            settings.execute("SET tcp_keepalives_idle = 10");
            settings.execute("SET tcp_keepalives_interval = 5");
            settings.execute("SET tcp_keepalives_count = 3");
        }
        return connection;
    }

    private void drop() {
        held = false;
        if (session != null) {
            try {
                session.close();
            } catch (SQLException e) {
                log.debug("closing the lease session failed", e);
            }
            session = null;
        }
    }

    /** Ends the session, which releases the lock for the other nodes. */
    @Override
    public synchronized void close() {
        closed = true;
        drop();
    }
}
