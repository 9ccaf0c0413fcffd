package dev.parley.bench.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.bench.server.ServerUnderTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientProbeTest {
    @TempDir
    Path work;

    @Test
    void theRealClientSignsInWithASeededSessionPaintsItsInboxAndReportsBack() throws Exception {
        try (ServerUnderTest server = ServerUnderTest.start(work.resolve("server"), List.of())) {
            Seeder seeder = new Seeder(server.uri());
            Seeder.Account owner = seeder.register("owner");
            List<Long> ids = seeder.inbox(owner, "peer", 3, 5);
            Path data = work.resolve("client");
            ClientProbe.signIn(data, server.uri(), owner.handle(), owner.token());

            try (ClientProbe probe = ClientProbe.start("client", data, server.uri(), ClientProbe.HEADLESS,
                    CaughtUp.class, Map.of("conversations", 3))) {
                ClientProbe.Painted painted = probe.awaitPainted(Duration.ofMinutes(2));
                double rss = probe.awaitNumber("rssMiB", Duration.ofMinutes(2));
                probe.awaitExit(Duration.ofMinutes(1));

                assertThat(ids).hasSize(3).doesNotHaveDuplicates();
                assertThat(painted.wallMillis()).isPositive();
                assertThat(painted.selfReportedMillis()).isPositive();
                assertThat(rss).isPositive();
            }
        }
    }
}
