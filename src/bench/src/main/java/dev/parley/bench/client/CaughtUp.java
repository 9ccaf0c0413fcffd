package dev.parley.bench.client;

import java.time.Duration;

/**
 * Waits until the inbox shows {@code conversations} conversations and the client has caught up with the server,
 * reports its memory ({@code rssMiB}, {@code heapAfterGcMiB}), and quits: a first sign-in's sync, or a cold start.
 */
public final class CaughtUp implements ProbeTask {
    @Override
    public void run(Probe probe) throws Exception {
        probe.awaitSynced(probe.param("conversations", 1), Duration.ofMinutes(10));
        probe.result("rssMiB", probe.rssBytes() / 1024 / 1024);
        probe.result("heapAfterGcMiB", probe.heapAfterGc() / 1024 / 1024);
    }
}
