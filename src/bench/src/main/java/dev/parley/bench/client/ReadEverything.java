package dev.parley.bench.client;

import java.time.Duration;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;

/**
 * Waits for the inbox to catch up ({@code conversations}), then opens conversations one after another from the top
 * of the list and scrolls each to its first message, until {@code open} were read or {@code seconds} have passed;
 * reports how many it read, then the memory: resident set ({@code rssMiB}) and heap after a full GC.
 */
public final class ReadEverything implements ProbeTask {
    @Override
    public void run(Probe probe) throws Exception {
        int conversations = probe.param("conversations", 1);
        probe.awaitSynced(conversations, Duration.ofMinutes(20));
        probe.result("syncedRssMiB", probe.rssBytes() / 1024 / 1024);
        int open = Math.min(conversations, probe.param("open", conversations));
        long deadline = System.nanoTime() + Duration.ofSeconds(probe.param("seconds", 150)).toNanos();
        int read = 0;
        while (read < open && System.nanoTime() < deadline) {
            readOne(probe, read);
            read++;
        }
        probe.result("read", read);
        probe.result("rssMiB", probe.rssBytes() / 1024 / 1024);
        probe.result("heapAfterGcMiB", probe.heapAfterGc() / 1024 / 1024);
        probe.result("rssAfterGcMiB", probe.rssBytes() / 1024 / 1024);
        String diagnostics = probe.param("diagnostics", "");
        if (!diagnostics.isEmpty()) {
            probe.writeMemoryDiagnostics(java.nio.file.Path.of(diagnostics));
        }
    }

    /** Opens the conversation at {@code index} and jumps to its top until no older rows come in. */
    private static void readOne(Probe probe, int index) throws Exception {
        String name = probe.fx(() -> {
            Object item = probe.conversations().getItems().get(index);
            return ((dev.parley.client.model.ConversationItem) item).peerNameProperty().get();
        });
        probe.open(index);
        probe.waitUntil("conversation " + name, () -> {
            Node header = probe.lookup("#peerName");
            ListView<?> messages = probe.messages();
            return header instanceof Label label && name.equals(label.getText()) && messages != null
                    && !messages.getItems().isEmpty();
        }, Duration.ofMinutes(1));
        int rows = -1;
        for (int settled = 0; settled < 3; ) {
            int now = probe.fx(() -> {
                probe.messages().scrollTo(0);
                return probe.messages().getItems().size();
            });
            settled = now == rows ? settled + 1 : 0;
            rows = now;
            Thread.sleep(50);
        }
    }
}
