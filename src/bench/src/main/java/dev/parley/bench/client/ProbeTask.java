package dev.parley.bench.client;

/**
 * What a {@link ClientProbe} does inside the client's JVM once the app is up: drives the real UI through
 * {@link Probe} and reports figures with {@link Probe#result}. Needs a public no-argument constructor.
 */
public interface ProbeTask {
    void run(Probe probe) throws Exception;
}
