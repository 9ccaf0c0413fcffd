package dev.parley.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.server.store.jdbc.Rows;
import dev.parley.server.store.postgres.PostgresDatabase;
import dev.parley.server.testing.PostgresForTests;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two servers' writers on one PostgreSQL: a write that deadlocks with the other's is run again, once. */
class PostgresWriteConflictTest {
    final String database = PostgresForTests.freshDatabase();

    @AfterEach
    void drop() {
        PostgresForTests.drop(database);
    }

    @Test
    void writesThatDeadlockAcrossTwoServersAreRetriedAndEachTakesEffectOnce() throws Exception {
        try (PostgresDatabase one = PostgresDatabase.open(database, null, null, 2);
                PostgresDatabase two = PostgresDatabase.open(database, null, null, 2)) {
            long first = conversation(one);
            long second = conversation(one);
            CountDownLatch oneLocked = new CountDownLatch(1);
            CountDownLatch twoLocked = new CountDownLatch(1);

            // Each takes the next seq of both conversations, in opposite orders, and waits for the other to hold
            // its first row before asking for the second: PostgreSQL finds the deadlock and aborts one of them.
            CompletableFuture<List<Long>> viaOne = one.writes().submit(c -> {
                long a = nextSeq(c, first);
                oneLocked.countDown();
                waitFor(twoLocked);
                return List.of(a, nextSeq(c, second));
            });
            CompletableFuture<List<Long>> viaTwo = two.writes().submit(c -> {
                long b = nextSeq(c, second);
                twoLocked.countDown();
                waitFor(oneLocked);
                return List.of(nextSeq(c, first), b);
            });

            List<Long> seqsOne = viaOne.get(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
            List<Long> seqsTwo = viaTwo.get(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
            assertThat(List.of(seqsOne.get(0), seqsTwo.get(0))).containsExactlyInAnyOrder(1L, 2L);
            assertThat(List.of(seqsOne.get(1), seqsTwo.get(1))).containsExactlyInAnyOrder(1L, 2L);
            assertThat(lastSeq(one, first)).as("no write applied twice").isEqualTo(2);
            assertThat(lastSeq(one, second)).isEqualTo(2);
            await("PostgreSQL saw the deadlock").atMost(Duration.ofSeconds(10)).until(() -> Rows.read(
                    one.readers(), c -> Rows.one(c, "SELECT deadlocks FROM pg_stat_database"
                            + " WHERE datname = current_database()", r -> r.getLong(1)).orElseThrow()) >= 1);
        }
    }

    @Test
    void batchesFromTwoServersLockConversationsInOneOrderSoNeitherIsRunAgain() throws Exception {
        try (PostgresDatabase one = PostgresDatabase.open(database, null, null, 2);
                PostgresDatabase two = PostgresDatabase.open(database, null, null, 2)) {
            long first = conversation(one);
            long second = conversation(one);
            CountDownLatch go = new CountDownLatch(1);
            CountDownLatch oneLocked = new CountDownLatch(1);
            CountDownLatch twoLocked = new CountDownLatch(1);
            AtomicInteger runs = new AtomicInteger();
            // Each writer is held until both have queued two writes, so that each runs its two in one batch.
            one.writes().submit(c -> waitFor(go));
            two.writes().submit(c -> waitFor(go));

            // Queued in opposite orders; each first write holds its row until the other server holds one too (or
            // 2 s pass). Run as queued, that is a deadlock, and PostgreSQL aborts one batch to be run again.
            List<CompletableFuture<Long>> writes = List.of(
                    one.writes().submitFor(second, c -> holdUntil(c, second, oneLocked, twoLocked, runs), null),
                    one.writes().submitFor(first, c -> next(c, first, runs), null),
                    two.writes().submitFor(first, c -> holdUntil(c, first, twoLocked, oneLocked, runs), null),
                    two.writes().submitFor(second, c -> next(c, second, runs), null));
            go.countDown();

            for (CompletableFuture<Long> write : writes) {
                write.get(30, TimeUnit.SECONDS);
            }
            assertThat(runs).as("each write ran once: no batch was rolled back and run again").hasValue(4);
            assertThat(lastSeq(one, first)).isEqualTo(2);
            assertThat(lastSeq(one, second)).isEqualTo(2);
        }
    }

    private static long holdUntil(java.sql.Connection c, long conversation, CountDownLatch mine, CountDownLatch theirs,
            AtomicInteger runs) throws java.sql.SQLException {
        long seq = next(c, conversation, runs);
        mine.countDown();
        try {
            theirs.await(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return seq;
    }

    private static long next(java.sql.Connection c, long conversation, AtomicInteger runs)
            throws java.sql.SQLException {
        runs.incrementAndGet();
        return nextSeq(c, conversation);
    }

    /** Waits for the other writer; on a retry the latch is already open. */
    private static boolean waitFor(CountDownLatch latch) {
        try {
            return latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static long nextSeq(java.sql.Connection c, long conversation) throws java.sql.SQLException {
        return Rows.one(c, "UPDATE conversations SET last_seq = last_seq + 1 WHERE id = ? RETURNING last_seq",
                r -> r.getLong(1), conversation).orElseThrow();
    }

    private static long conversation(PostgresDatabase db) {
        return db.writes().submit(c -> Rows.insert(c, "INSERT INTO conversations (kind, last_activity_at, created_at)"
                + " VALUES ('direct', 0, 0)")).join();
    }

    private static long lastSeq(PostgresDatabase db, long conversation) {
        return Rows.read(db.readers(), c -> Rows.one(c, "SELECT last_seq FROM conversations WHERE id = ?",
                r -> r.getLong(1), conversation).orElseThrow());
    }
}
