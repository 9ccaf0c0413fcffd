package dev.parley.server.store.jdbc;

import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.ProtocolException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's single writer. Concurrent writes queue here; the writer thread runs whatever has queued up
 * in one transaction (each write in its own savepoint, so one failure does not undo the others), commits
 * once, and only then completes the writes' futures. One fsync thus covers a whole batch (group commit).
 * Futures complete on one "delivery" thread in commit order. What must happen in commit order (fan-out of messages)
 * is a write's after-commit step, given to {@link #submit(Write, Consumer)}: it runs on the delivery thread just
 * before the write's future completes. A step chained on the future instead runs on whichever thread chains it
 * when the write has already committed by then, so it may overtake writes committed after it.
 */
public final class WriteQueue implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WriteQueue.class);
    private static final int MAX_BATCH = 512;

    /** One write, run inside the writer's transaction. */
    @FunctionalInterface
    public interface Write<T> {
        T apply(Connection connection) throws SQLException;
    }

    private record Task<T>(long lockOrder, Write<T> write, Consumer<? super T> afterCommit,
                           CompletableFuture<T> future) {
    }

    /** The lock order of a write that names no conversation: it runs before those that do, in arrival order. */
    private static final long UNORDERED = Long.MIN_VALUE;

    private record Outcome(Task<?> task, Object value, Throwable failure) {
    }

    /** Where the writer's connection comes from: one kept open (SQLite), or one borrowed per batch (a pool). */
    @FunctionalInterface
    private interface Connections {
        Connection borrow() throws SQLException;
    }

    /** SQLSTATEs of a transaction PostgreSQL aborted because another one got in its way: retried whole. */
    private static final List<String> CONFLICTS = List.of("40001", "40P01");
    /** A unique key another node's transaction inserted meanwhile: the write is run again and sees that row. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final int ATTEMPTS = 5;
    private static final Comparator<Task<?>> LOCK_ORDER = Comparator.comparingLong(Task::lockOrder);

    private final Connection connection;
    private final Connections connections;
    private final boolean retryConflicts;
    private final BlockingQueue<Task<?>> queue;
    private final ExecutorService delivery;
    private final Thread writer;
    private final AtomicLong commits = new AtomicLong();
    private volatile boolean closing;

    public WriteQueue(Connection connection, int capacity, String name) throws SQLException {
        this(connection, null, false, capacity, name);
    }

    /**
     * A writer that borrows a connection from {@code pool} for each batch, for a database that other servers write
     * to at the same time (PostgreSQL): a batch that deadlocks or fails to serialise with theirs is rolled back and
     * run again, and a write that hits a unique key they just inserted is run again so it finds their row (which
     * makes a resend of the same client id through two servers one message).
     */
    public static WriteQueue pooled(javax.sql.DataSource pool, int capacity, String name) {
        try {
            return new WriteQueue(null, pool::getConnection, true, capacity, name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private WriteQueue(Connection connection, Connections connections, boolean retryConflicts, int capacity,
            String name) throws SQLException {
        if (connection != null) {
            connection.setAutoCommit(false);
        }
        this.connection = connection;
        this.connections = connections != null ? connections : () -> connection;
        this.retryConflicts = retryConflicts;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.delivery = Executors.newSingleThreadExecutor(r -> new Thread(r, name + "-delivery"));
        this.writer = new Thread(this::run, name + "-writer");
        this.writer.start();
    }

    /** Queues a write; fails at once with {@code rate_limited} when the queue is full. */
    public <T> CompletableFuture<T> submit(Write<T> write) {
        return submit(write, null);
    }

    /**
     * Queues a write whose {@code afterCommit} step runs once it has committed, on the delivery thread, in commit
     * order, before the returned future completes (and not at all if the write failed). A step that throws is
     * logged; the write stays committed and its future still completes with its value.
     */
    public <T> CompletableFuture<T> submit(Write<T> write, Consumer<? super T> afterCommit) {
        return submit(UNORDERED, write, afterCommit);
    }

    /**
     * Queues a write as {@link #submit(Write, Consumer)} does, for one whose first lock is the row of conversation
     * {@code conversationId} (a message into it, a reaction, a receipt). Where several servers write to one
     * database, a batch runs such writes in the order of their conversations, so that two servers' batches take
     * those row locks in the same order and cannot deadlock on them; writes into one conversation keep their
     * order.
     */
    public <T> CompletableFuture<T> submitFor(long conversationId, Write<T> write, Consumer<? super T> afterCommit) {
        return submit(conversationId, write, afterCommit);
    }

    private <T> CompletableFuture<T> submit(long lockOrder, Write<T> write, Consumer<? super T> afterCommit) {
        CompletableFuture<T> future = new CompletableFuture<>();
        if (closing) {
            future.completeExceptionally(new ProtocolException(ErrorCode.INTERNAL, "server is shutting down"));
        } else if (!queue.offer(new Task<>(lockOrder, write, afterCommit, future))) {
            future.completeExceptionally(new ProtocolException(ErrorCode.RATE_LIMITED, "server is busy", 1_000L));
        }
        return future;
    }

    private void run() {
        List<Task<?>> batch = new ArrayList<>(MAX_BATCH);
        while (!closing || !queue.isEmpty()) {
            try {
                Task<?> first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                if (retryConflicts) {
                    batch.sort(LOCK_ORDER); // stable: one conversation's writes keep their order
                }
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Task<?>> batch) {
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        for (int attempt = 1; ; attempt++) {
            outcomes.clear();
            Connection c = null;
            try {
                c = connections.borrow();
                if (c != connection) {
                    c.setAutoCommit(false);
                }
                for (Task<?> task : batch) {
                    outcomes.add(runInSavepoint(c, task));
                }
                c.commit();
                commits.incrementAndGet();
                break;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                if (retryConflicts && attempt < ATTEMPTS && conflict(e)) {
                    log.debug("batch of {} writes conflicted with another server's; running it again", batch.size());
                    continue;
                }
                log.error("commit of {} writes failed; all are reported as failed", batch.size(), e);
                ProtocolException failure = new ProtocolException(ErrorCode.INTERNAL, "the write could not be stored");
                outcomes.clear();
                batch.forEach(task -> outcomes.add(new Outcome(task, null, failure)));
                break;
            } finally {
                if (c != null && c != connection) {
                    closeQuietly(c);
                }
            }
        }
        delivery.execute(() -> outcomes.forEach(WriteQueue::complete));
    }

    private static boolean conflict(Throwable e) {
        return e instanceof SQLException sql && CONFLICTS.contains(sql.getSQLState());
    }

    /** Transactions committed so far; with group commit, usually far fewer than writes. */
    public long commits() {
        return commits.get();
    }

    private Outcome runInSavepoint(Connection c, Task<?> task) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            Savepoint savepoint = c.setSavepoint();
            try {
                Object value = task.write().apply(c);
                c.releaseSavepoint(savepoint);
                return new Outcome(task, value, null);
            } catch (SQLException | RuntimeException e) {
                if (retryConflicts && conflict(e)) {
                    throw e;
                }
                c.rollback(savepoint);
                c.releaseSavepoint(savepoint);
                if (retryConflicts && attempt < ATTEMPTS && e instanceof SQLException sql
                        && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    continue;
                }
                if (!(e instanceof ProtocolException)) {
                    log.error("write failed and was rolled back", e);
                }
                return new Outcome(task, null, e);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void complete(Outcome outcome) {
        Task<Object> task = (Task<Object>) outcome.task();
        CompletableFuture<Object> future = task.future();
        try {
            if (outcome.failure() == null) {
                runAfterCommit(task, outcome.value());
                future.complete(outcome.value());
            } else {
                future.completeExceptionally(outcome.failure() instanceof ProtocolException
                        ? outcome.failure()
                        : new ProtocolException(ErrorCode.INTERNAL, "the write could not be stored"));
            }
        } catch (RuntimeException e) {
            log.error("a step after a committed write failed", e);
        }
    }

    private static void runAfterCommit(Task<Object> task, Object value) {
        if (task.afterCommit() == null) {
            return;
        }
        try {
            task.afterCommit().accept(value);
        } catch (RuntimeException e) {
            log.error("the step after a committed write failed; the write stays committed", e);
        }
    }

    private static void rollbackQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.rollback();
        } catch (SQLException e) {
            log.error("rollback failed", e);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            log.error("returning the write connection failed", e);
        }
    }

    /** Stops taking writes, commits everything queued, completes its futures, and closes the connection. */
    @Override
    public void close() {
        closing = true;
        try {
            writer.join();
            delivery.shutdown();
            if (!delivery.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("delivery of committed writes did not finish in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.error("closing the write connection failed", e);
            }
        }
    }
}
