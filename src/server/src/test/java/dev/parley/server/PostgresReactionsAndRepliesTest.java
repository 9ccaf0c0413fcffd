package dev.parley.server;

import dev.parley.server.testing.OnPostgres;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link ReactionsAndRepliesTest} with the server's data in PostgreSQL. */
@ExtendWith(OnPostgres.class)
class PostgresReactionsAndRepliesTest extends ReactionsAndRepliesTest {
}
