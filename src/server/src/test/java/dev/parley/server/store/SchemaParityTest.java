package dev.parley.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.store.jdbc.Database;
import dev.parley.server.store.jdbc.Rows;
import dev.parley.server.store.postgres.PostgresDatabase;
import dev.parley.server.store.sqlite.SqliteDatabase;
import dev.parley.server.testing.PostgresForTests;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQLite migrations (db/migration) and the PostgreSQL ones (db/postgresql) end in the same tables and columns,
 * so a migration added to one location only is caught here.
 */
class SchemaParityTest {
    @TempDir
    Path dataDir;

    @Test
    void bothDatabasesHaveTheSameTablesAndColumns() throws Exception {
        Map<String, TreeSet<String>> sqlite;
        try (SqliteDatabase db = SqliteDatabase.open(dataDir, 1)) {
            sqlite = columns(db, "SELECT m.name, p.name FROM sqlite_schema m, pragma_table_info(m.name) p"
                    + " WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'");
        }
        String url = PostgresForTests.freshDatabase();
        Map<String, TreeSet<String>> postgres;
        try (PostgresDatabase db = PostgresDatabase.open(url, null, null, 2)) {
            postgres = columns(db, "SELECT table_name, column_name FROM information_schema.columns"
                    + " WHERE table_schema = current_schema()");
        } finally {
            PostgresForTests.drop(url);
        }
        sqlite.remove("flyway_schema_history");
        postgres.remove("flyway_schema_history");

        assertThat(postgres.keySet()).containsExactlyElementsOf(sqlite.keySet());
        assertThat(postgres).isEqualTo(sqlite);
    }

    private static Map<String, TreeSet<String>> columns(Database db, String sql) {
        List<String[]> rows = Rows.read(db.readers(), c -> Rows.list(c, sql,
                r -> new String[] {r.getString(1), r.getString(2)}));
        Map<String, TreeSet<String>> tables = new TreeMap<>();
        rows.forEach(row -> tables.computeIfAbsent(row[0], t -> new TreeSet<>()).add(row[1]));
        return tables;
    }
}
