package dev.parley.client.testing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;

/** An executor that holds its tasks until the test runs them, so the test sees the state before they have run. */
public final class HeldTasks implements Executor {
    private final Deque<Runnable> tasks = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable task) {
        tasks.add(task);
    }

    /** Tasks handed over and not run yet. */
    public synchronized int pending() {
        return tasks.size();
    }

    /** Runs every held task on the calling thread, including those they hand over in turn. */
    public void runAll() {
        Runnable next;
        while ((next = poll()) != null) {
            next.run();
        }
    }

    private synchronized Runnable poll() {
        return tasks.poll();
    }
}
