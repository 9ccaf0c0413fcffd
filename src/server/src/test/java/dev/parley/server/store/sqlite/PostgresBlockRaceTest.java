package dev.parley.server.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.ProtocolException;
import dev.parley.server.store.Appended;
import dev.parley.server.store.jdbc.Rows;
import dev.parley.server.store.postgres.PostgresDatabase;
import dev.parley.server.testing.PostgresForTests;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A block committed through one node while the blocked person's message goes through another, on PostgreSQL:
 * the send must wait for the block and then be refused, not slip in after it.
 */
class PostgresBlockRaceTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    final String database = PostgresForTests.freshDatabase();

    @AfterEach
    void drop() {
        PostgresForTests.drop(database);
    }

    @Test
    void aMessageRacingABlockOnAnotherNodeWaitsForItAndIsRefused() throws Exception {
        try (PostgresDatabase one = PostgresDatabase.open(database, null, null, 2);
                PostgresDatabase two = PostgresDatabase.open(database, null, null, 2)) {
            long alice = new SqliteAccountStore(one).createUser("alice", "Alice", "x", NOW).join().id();
            long bob = new SqliteAccountStore(one).createUser("bob", "Bob", "x", NOW).join().id();
            SqliteSocialStore social = new SqliteSocialStore(one);
            social.follow(alice, bob, NOW).join();
            social.follow(bob, alice, NOW).join();
            SqliteConversationStore store = new SqliteConversationStore(one);
            long chat = store.openDirect(alice, bob, NOW).join();
            store.append(chat, alice, UUID.randomUUID(), "hi", List.of(), null, null, null, null, null, NOW).join();

            CountDownLatch blocked = new CountDownLatch(1);
            CountDownLatch commit = new CountDownLatch(1);
            // Node one: bob blocks alice and holds his transaction open until told to commit.
            CompletableFuture<Integer> block = one.writes().submit(c -> {
                int ended = SqliteSocialStore.block(c, bob, alice, NOW);
                blocked.countDown();
                try {
                    commit.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return ended;
            });
            assertThat(blocked.await(10, TimeUnit.SECONDS)).isTrue();
            // Node two: alice writes meanwhile; her send waits on the conversation's lock.
            CompletableFuture<Appended> send = new SqliteConversationStore(two).append(chat, alice, UUID.randomUUID(),
                    "are you there?", List.of(), null, null, null, null, null, NOW);
            await("the send waits for the block's lock").atMost(Duration.ofSeconds(10)).until(() ->
                    Rows.read(one.readers(), c -> Rows.one(c, "SELECT COUNT(*) FROM pg_stat_activity"
                            + " WHERE datname = current_database() AND wait_event_type = 'Lock'",
                            r -> r.getLong(1)).orElseThrow()) >= 1);
            commit.countDown();

            assertThat(block.get(10, TimeUnit.SECONDS)).as("following ended both ways").isEqualTo(2);
            assertThat(send).failsWithin(Duration.ofSeconds(10)).withThrowableOfType(ExecutionException.class)
                    .havingCause().isInstanceOfSatisfying(ProtocolException.class,
                            refused -> assertThat(refused.code()).isEqualTo(ErrorCode.PRIVACY_DENIED));
            long stored = Rows.read(one.readers(), c -> Rows.one(c, "SELECT COUNT(*) FROM messages"
                    + " WHERE conversation_id = ?", r -> r.getLong(1), chat).orElseThrow());
            assertThat(stored).as("only the message before the block").isEqualTo(1);
        }
    }
}
