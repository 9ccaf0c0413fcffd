package dev.parley.bench.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.bench.Main;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs the fan-out and reconnect-storm scenarios at toy size: the harness must see every message arrive. */
class FanoutAndStormScenariosTest {
    @TempDir
    Path work;

    @Test
    void fanoutDeliversEveryMessageToEveryMemberOnceAndInOrder() throws Exception {
        Map<String, JsonNode> rows = run("fanout");

        for (String side : new String[] {"parley", "relay"}) {
            assertThat(rows.get("deliveries per second").path(side).asDouble()).isPositive();
            assertThat(rows.get("delivery latency p99").path(side).asDouble()).isPositive();
            assertThat(rows.get("deliveries missing").path(side).asLong()).isZero();
            assertThat(rows.get("deliveries duplicated").path(side).asLong()).isZero();
            assertThat(rows.get("deliveries out of order").path(side).asLong()).isZero();
            assertThat(rows.get("sends refused").path(side).asLong()).isZero();
        }
    }

    @Test
    void stormCatchesEveryClientUp() throws Exception {
        Map<String, JsonNode> rows = run("storm");

        assertThat(rows.get("clients caught up").path("parley").asLong()).isEqualTo(100);
        assertThat(rows.get("time until all caught up").path("parley").asDouble()).isPositive();
        assertThat(rows.get("time until all connected").path("relay").asDouble()).isPositive();
        assertThat(rows.get("caught up after p99").path("parley").asDouble()).isPositive();
    }

    /** Runs {@code scenario --quick} and returns its JSON rows by name. */
    private Map<String, JsonNode> run(String scenario) throws Exception {
        Path json = work.resolve(scenario + ".json");
        int exit = new CommandLine(new Main()).execute(scenario, "--quick", "--json", json.toString(), "--work",
                work.resolve("work").toString());
        assertThat(exit).isZero();
        Map<String, JsonNode> rows = new HashMap<>();
        for (JsonNode row : new ObjectMapper().readTree(json.toFile()).path("rows")) {
            rows.put(row.path("name").asText(), row);
        }
        return rows;
    }
}
