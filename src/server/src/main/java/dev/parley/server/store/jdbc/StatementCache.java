package dev.parley.server.store.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps the single writer's prepared statements for reuse. Storing one message runs some twenty statements, and
 * SQLite's driver compiles each one afresh on every {@code prepareStatement}: on the one writer thread that
 * compiling was most of the time a write took. The wrapped connection hands out a kept statement for SQL it has
 * seen (unless that statement is still in use, then a fresh one); closing a kept statement only returns it.
 * For one thread's connection only (the {@link WriteQueue}'s).
 */
public final class StatementCache {
    private StatementCache() {
    }

    /** {@code connection} with up to {@code capacity} statements kept, least recently used dropped first. */
    public static Connection wrap(Connection connection, int capacity) {
        Map<String, Kept> kept = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
                if (size() <= capacity) {
                    return false;
                }
                eldest.getValue().drop();
                return true;
            }
        };
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("prepareStatement") && args.length == 1) {
                String sql = (String) args[0];
                Kept statement = kept.get(sql);
                if (statement == null) {
                    statement = new Kept(connection.prepareStatement(sql));
                    kept.put(sql, statement);
                } else if (statement.inUse) {
                    return connection.prepareStatement(sql);
                }
                statement.inUse = true;
                return statement.proxy;
            }
            if (method.getName().equals("close")) {
                kept.values().forEach(Kept::drop);
                kept.clear();
            }
            return invoke(connection, method, args);
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, handler);
    }

    /** A kept statement and the proxy whose {@code close} returns it instead of closing it. */
    private static final class Kept {
        final PreparedStatement statement;
        final PreparedStatement proxy;
        boolean inUse;
        /** No longer kept: closing it really closes it. */
        boolean dropped;

        Kept(PreparedStatement statement) {
            this.statement = statement;
            this.proxy = (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class}, (p, method, args) -> switch (method.getName()) {
                        case "close" -> {
                            if (inUse) {
                                inUse = false;
                                if (dropped) {
                                    statement.close();
                                } else {
                                    statement.clearParameters();
                                }
                            }
                            yield null;
                        }
                        case "isClosed" -> !inUse || statement.isClosed();
                        default -> invoke(statement, method, args);
                    });
        }

        /** Stops keeping the statement: closed now, or when its user closes it. */
        void drop() {
            dropped = true;
            if (!inUse) {
                closeQuietly(statement);
            }
        }
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void closeQuietly(PreparedStatement statement) {
        try {
            statement.close();
        } catch (SQLException e) {
            // dropping it anyway
        }
    }
}
