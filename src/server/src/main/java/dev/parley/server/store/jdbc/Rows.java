package dev.parley.server.store.jdbc;

import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.ProtocolException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Small JDBC conveniences: parameter binding, row mapping and read-only queries on a pool. */
public final class Rows {
    private static final Logger log = LoggerFactory.getLogger(Rows.class);
    /** SQLite's numbered parameters ({@code ?1}), which PostgreSQL's driver lacks: rewritten to plain ones. */
    private static final Pattern NUMBERED = Pattern.compile("\\?\\d");
    private static final Pattern PARAMETER = Pattern.compile("\\?(\\d*)");

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface Mapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** A unit of read work on one pooled connection. */
    @FunctionalInterface
    public interface Read<T> {
        T apply(Connection connection) throws SQLException;
    }

    private Rows() {
    }

    public static <T> List<T> list(Connection c, String sql, Mapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(c, sql, params); ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        }
    }

    public static <T> Optional<T> one(Connection c, String sql, Mapper<T> mapper, Object... params)
            throws SQLException {
        List<T> rows = list(c, sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(c, sql, params)) {
            return statement.executeUpdate();
        }
    }

    /** Runs an insert and returns the generated row id (the table's {@code id} column). */
    public static long insert(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = bind(postgres(c) ? c.prepareStatement(sql, new String[] {"id"})
                : c.prepareStatement(sql), params)) {
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no generated key for: " + sql);
                }
                return keys.getLong(1);
            }
        }
    }

    /** Runs read work on a pooled connection, turning a database failure into an {@code internal} error. */
    public static <T> T read(DataSource source, Read<T> read) {
        try (Connection connection = source.getConnection()) {
            return read.apply(connection);
        } catch (SQLException e) {
            log.error("read failed", e);
            throw new ProtocolException(ErrorCode.INTERNAL, "the data could not be read");
        }
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        return Instant.ofEpochMilli(row.getLong(column));
    }

    /** Whether the connection is to PostgreSQL rather than SQLite, for the few statements that differ. */
    public static boolean postgres(Connection c) throws SQLException {
        return c.isWrapperFor(org.postgresql.PGConnection.class);
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        if (postgres(c) && NUMBERED.matcher(sql).find()) {
            // SQLite's rule: a bare ? is numbered one above the largest number used before it.
            List<Object> ordered = new ArrayList<>();
            int[] largest = {0};
            String positional = PARAMETER.matcher(sql).replaceAll(m -> {
                int number = m.group(1).isEmpty() ? largest[0] + 1 : Integer.parseInt(m.group(1));
                largest[0] = Math.max(largest[0], number);
                ordered.add(params[number - 1]);
                return "?";
            });
            return bind(c.prepareStatement(positional), ordered.toArray());
        }
        return bind(c.prepareStatement(sql), params);
    }

    /**
     * Instants are stored as epoch milliseconds and flags as 0/1 integers (as SQLite keeps booleans), so the same
     * parameters fit both databases' columns.
     */
    private static PreparedStatement bind(PreparedStatement statement, Object... params) throws SQLException {
        try {
            for (int i = 0; i < params.length; i++) {
                Object param = params[i];
                if (param instanceof Instant instant) {
                    param = instant.toEpochMilli();
                } else if (param instanceof Boolean flag) {
                    param = flag ? 1 : 0;
                }
                statement.setObject(i + 1, param);
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }
}
