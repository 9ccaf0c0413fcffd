package dev.parley.server.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.Test;

class StatementCacheTest {
    @Test
    void aStatementSeenBeforeIsReusedWithFreshParameters() throws Exception {
        try (Connection c = StatementCache.wrap(DriverManager.getConnection("jdbc:sqlite::memory:"), 4)) {
            Rows.update(c, "CREATE TABLE t (k INTEGER, v TEXT)");
            Rows.update(c, "INSERT INTO t VALUES (?, ?)", 1, "one");
            Rows.update(c, "INSERT INTO t VALUES (?, ?)", 2, "two");

            assertThat(Rows.one(c, "SELECT v FROM t WHERE k = ?", r -> r.getString(1), 1)).contains("one");
            assertThat(Rows.one(c, "SELECT v FROM t WHERE k = ?", r -> r.getString(1), 2)).contains("two");
            PreparedStatement first = c.prepareStatement("SELECT 1");
            first.close();
            assertThat(c.prepareStatement("SELECT 1")).isSameAs(first);
        }
    }

    @Test
    void theSameSqlWhileItsStatementIsInUseGetsAStatementOfItsOwn() throws Exception {
        try (Connection c = StatementCache.wrap(DriverManager.getConnection("jdbc:sqlite::memory:"), 4)) {
            Rows.update(c, "CREATE TABLE t (k INTEGER)");
            Rows.update(c, "INSERT INTO t VALUES (1), (2)");

            var nested = Rows.list(c, "SELECT k FROM t WHERE k >= ? ORDER BY k",
                    outer -> Rows.list(c, "SELECT k FROM t WHERE k >= ? ORDER BY k", inner -> inner.getInt(1),
                            outer.getInt(1)), 1);

            assertThat(nested).containsExactly(java.util.List.of(1, 2), java.util.List.of(2));
        }
    }

    @Test
    void statementsBeyondTheCapacityStillWork() throws Exception {
        try (Connection c = StatementCache.wrap(DriverManager.getConnection("jdbc:sqlite::memory:"), 2)) {
            for (int i = 0; i < 10; i++) {
                assertThat(Rows.one(c, "SELECT " + i + " + ?", r -> r.getInt(1), 1)).contains(i + 1);
            }
        }
    }
}
