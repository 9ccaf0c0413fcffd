package dev.parley.bench.server;

import dev.parley.bench.harness.HeapCensus;
import dev.parley.bench.harness.Jvm;
import dev.parley.bench.harness.Machine;
import java.io.IOException;

/** A child JVM's memory and threads at one moment, taken after a full GC so live heap is what is held. */
record ProcessSnapshot(long rssBytes, long threads, HeapCensus heap) {
    static ProcessSnapshot of(Jvm jvm) throws IOException, InterruptedException {
        HeapCensus heap = HeapCensus.of(jvm.pid());
        return new ProcessSnapshot(jvm.rssBytes(), Machine.threads(jvm.pid()), heap);
    }

    /** RSS grown since {@code before}, per connection, in KiB. */
    double rssPerConnectionKiB(ProcessSnapshot before, int connections) {
        return (rssBytes - before.rssBytes) / 1024.0 / connections;
    }

    /** Live heap grown since {@code before}, per connection, in KiB. */
    double heapPerConnectionKiB(ProcessSnapshot before, int connections) {
        return (heap.liveBytes() - before.heap.liveBytes()) / 1024.0 / connections;
    }

    /** The classes that account for most of the growth since {@code before}, in bytes per connection. */
    String largestGrowth(ProcessSnapshot before, int connections) {
        StringBuilder text = new StringBuilder();
        for (HeapCensus.Growth g : heap.largestGrowthSince(before.heap, 8)) {
            text.append(text.isEmpty() ? "" : ", ").append(g.className()).append(' ')
                    .append(Math.round((double) g.bytes() / connections)).append(" B");
        }
        return text.toString();
    }
}
