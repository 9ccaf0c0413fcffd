package dev.parley.server.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class's servers on PostgreSQL instead of SQLite: while each test runs, {@link TestServers#config}
 * gives every data directory a fresh database of the shared {@link PostgresForTests} instance (the same one again
 * for the same directory, so a restarted server finds its data), dropped after the test. A subclass of an
 * existing server test with {@code @ExtendWith(OnPostgres.class)} runs that test's behaviour against PostgreSQL.
 */
public final class OnPostgres implements BeforeEachCallback, AfterEachCallback {
    @Override
    public void beforeEach(ExtensionContext context) {
        TestServers.onPostgres(true);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestServers.onPostgres(false);
    }
}
