package dev.parley.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.ProtocolException;
import dev.parley.server.store.jdbc.Rows;
import dev.parley.server.store.sqlite.SqliteDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteQueueTest {
    @TempDir
    Path dataDir;

    /** A write that keeps the writer busy until the test lets go, so the next writes queue up behind it. */
    static Object holdUntil(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    @Test
    void writesThatQueueUpWhileOneCommitsShareTheNextCommit() throws Exception {
        try (SqliteDatabase db = SqliteDatabase.open(dataDir, 1)) {
            CountDownLatch hold = new CountDownLatch(1);
            CompletableFuture<Object> first = db.writes().submit(c -> holdUntil(hold));
            long before = db.writes().commits();

            List<CompletableFuture<Integer>> writes = IntStream.range(0, 200)
                    .mapToObj(i -> db.writes().submit(c -> Rows.update(c,
                            "INSERT INTO users (handle, display_name, password_hash, created_at) VALUES (?, ?, ?, ?)",
                            "user" + i, "User " + i, "x", 0L)))
                    .toList();
            hold.countDown();
            first.join();
            writes.forEach(CompletableFuture::join);

            // The held write commits with whatever had queued when the writer took it, the rest in one more.
            assertThat(db.writes().commits() - before).as("commits for 201 writes").isBetween(1L, 2L);
            Integer users = Rows.read(db.readers(),
                    c -> Rows.one(c, "SELECT COUNT(*) FROM users", r -> r.getInt(1)).orElseThrow());
            assertThat(users).isEqualTo(200);
        }
    }

    @Test
    void aFailingWriteIsRolledBackAloneAndTheRestOfItsBatchCommits() throws Exception {
        try (SqliteDatabase db = SqliteDatabase.open(dataDir, 1)) {
            CountDownLatch hold = new CountDownLatch(1);
            db.writes().submit(c -> holdUntil(hold));
            CompletableFuture<Integer> good = db.writes().submit(c -> Rows.update(c,
                    "INSERT INTO users (handle, display_name, password_hash, created_at) VALUES ('a', 'A', 'x', 0)"));
            CompletableFuture<Integer> bad = db.writes().submit(c -> {
                Rows.update(c, "INSERT INTO users (handle, display_name, password_hash, created_at)"
                        + " VALUES ('b', 'B', 'x', 0)");
                throw new ProtocolException(ErrorCode.CONFLICT, "changed my mind");
            });
            hold.countDown();

            assertThat(good).succeedsWithin(java.time.Duration.ofSeconds(10));
            assertThat(bad).failsWithin(java.time.Duration.ofSeconds(10));
            List<String> handles = Rows.read(db.readers(),
                    c -> Rows.list(c, "SELECT handle FROM users", r -> r.getString(1)));
            assertThat(handles).containsExactly("a");
        }
    }

    @Test
    void afterCommitStepsRunOnTheDeliveryThreadInCommitOrderBeforeTheirFuturesComplete() throws Exception {
        try (SqliteDatabase db = SqliteDatabase.open(dataDir, 1)) {
            AtomicInteger executed = new AtomicInteger();
            List<Integer> steps = Collections.synchronizedList(new ArrayList<>());
            Set<String> stepThreads = ConcurrentHashMap.newKeySet();
            List<CompletableFuture<Boolean>> stepRanFirst = Collections.synchronizedList(new ArrayList<>());
            ExecutorService submitters = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> done = IntStream.range(0, 4).<Future<?>>mapToObj(t -> submitters.submit(() -> {
                    for (int i = 0; i < 250; i++) {
                        // the writer runs writes one at a time, in the order it commits them
                        CompletableFuture<Integer> write = db.writes().submit(c -> executed.getAndIncrement(),
                                order -> {
                                    stepThreads.add(Thread.currentThread().getName());
                                    steps.add(order);
                                });
                        stepRanFirst.add(write.thenApply(steps::contains));
                    }
                })).toList();
                for (Future<?> submitter : done) {
                    submitter.get(30, TimeUnit.SECONDS);
                }
            } finally {
                submitters.shutdown();
            }
            stepRanFirst.forEach(f -> assertThat(f.join()).as("the step ran before the future completed").isTrue());

            assertThat(steps).containsExactlyElementsOf(IntStream.range(0, 1_000).boxed().toList());
            assertThat(stepThreads).singleElement().asString().endsWith("-delivery");
        }
    }

    @Test
    void aStepThatThrowsLeavesTheWriteCommittedAndAFailedWriteHasNoStep() throws Exception {
        try (SqliteDatabase db = SqliteDatabase.open(dataDir, 1)) {
            List<String> steps = Collections.synchronizedList(new ArrayList<>());
            CompletableFuture<Integer> throwing = db.writes().submit(c -> Rows.update(c,
                    "INSERT INTO users (handle, display_name, password_hash, created_at) VALUES ('a', 'A', 'x', 0)"),
                    rows -> {
                        steps.add("throwing");
                        throw new IllegalStateException("fan-out failed");
                    });
            CompletableFuture<Integer> failed = db.writes().submit(c -> {
                throw new ProtocolException(ErrorCode.CONFLICT, "refused");
            }, rows -> steps.add("failed"));
            CompletableFuture<Integer> next = db.writes().submit(c -> 7, value -> steps.add("next"));

            assertThat(throwing).succeedsWithin(java.time.Duration.ofSeconds(10)).isEqualTo(1);
            assertThat(failed).failsWithin(java.time.Duration.ofSeconds(10));
            assertThat(next).succeedsWithin(java.time.Duration.ofSeconds(10)).isEqualTo(7);
            assertThat(steps).containsExactly("throwing", "next");
            List<String> handles = Rows.read(db.readers(),
                    c -> Rows.list(c, "SELECT handle FROM users", r -> r.getString(1)));
            assertThat(handles).containsExactly("a");
        }
    }
}
