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

/** Each server scenario once at toy size: the figures are there and add up (no timing is judged). */
class ServerScenariosTest {
    @TempDir
    Path work;

    @Test
    void idleHoldsEveryConnectionOnBothServers() throws Exception {
        Map<String, JsonNode> rows = run("idle");

        assertThat(rows.get("connections held").get("parley").asDouble()).isEqualTo(200);
        assertThat(rows.get("connections held").get("relay").asDouble()).isEqualTo(200);
        assertThat(rows.get("signed-in connections (hello)").get("parley").asDouble()).isEqualTo(200);
        assertThat(rows.get("live heap per connection").get("parley").asDouble()).isPositive();
        assertThat(rows.get("live heap per connection").get("relay").asDouble()).isPositive();
        assertThat(rows).containsKeys("RSS per connection", "threads with all connections");
    }

    @Test
    void latencyDeliversEveryMeasuredMessageOnBothServers() throws Exception {
        Map<String, JsonNode> rows = run("latency");

        JsonNode sent = rows.get("messages sent (measured)");
        assertThat(sent.get("parley").asDouble()).isEqualTo(600);
        assertThat(sent.get("relay").asDouble()).isEqualTo(600);
        assertThat(rows.get("messages delivered (measured)").get("parley").asDouble()).isEqualTo(600);
        assertThat(rows.get("messages delivered (measured)").get("relay").asDouble()).isEqualTo(600);
        assertThat(rows.get("sends failed (measured)").get("parley").asDouble()).isZero();
        for (String row : new String[] {"delivery p50", "delivery p99", "delivery max", "ack p50", "ack p99.9"}) {
            assertThat(rows.get(row).get("parley").asDouble()).as(row).isPositive();
            assertThat(rows.get(row).get("relay").asDouble()).as(row).isPositive();
        }
    }

    @Test
    void throughputDeliversEveryAckedMessageOnceOnBothServers() throws Exception {
        Map<String, JsonNode> rows = run("throughput");

        for (String side : new String[] {"parley", "relay"}) {
            assertThat(rows.get("acked messages per second").get(side).asDouble()).as(side).isPositive();
            assertThat(rows.get("sends failed").get(side).asDouble()).as(side).isZero();
            assertThat(rows.get("acked but not delivered").get(side).asDouble()).as(side).isZero();
            assertThat(rows.get("delivered twice").get(side).asDouble()).as(side).isZero();
            double acked = rows.get("messages acked (whole run)").get(side).asDouble();
            assertThat(acked).as(side).isPositive();
            assertThat(rows.get("messages delivered (whole run)").get(side).asDouble()).as(side).isEqualTo(acked);
        }
    }

    @Test
    void clusterDeliversEveryMessageAcrossNodesOnceWithGapFreeSeqs() throws Exception {
        Map<String, JsonNode> rows = run("cluster");

        assertThat(rows.get("messages sent (measured)").get("parley").asDouble()).isEqualTo(200);
        assertThat(rows.get("messages delivered (measured)").get("parley").asDouble()).isEqualTo(200);
        assertThat(rows.get("sends failed (measured)").get("parley").asDouble()).isZero();
        assertThat(rows.get("delivery across nodes p50").get("parley").asDouble()).isPositive();
        assertThat(rows.get("sends failed").get("parley").asDouble()).isZero();
        assertThat(rows.get("acked but not delivered").get("parley").asDouble()).isZero();
        assertThat(rows.get("delivered twice").get("parley").asDouble()).isZero();
        double acked = rows.get("messages acked (throughput phase)").get("parley").asDouble();
        assertThat(acked).isPositive();
        assertThat(rows.get("messages delivered (throughput phase)").get("parley").asDouble()).isEqualTo(acked);
        assertThat(rows.get("conversations with a seq gap").get("parley").asDouble()).isZero();
        assertThat(rows).containsKeys("nodes' CPU per 1,000 messages at full load",
                "PostgreSQL CPU per 1,000 messages at full load", "Redis CPU per 1,000 messages at full load");
    }

    /** Runs a scenario at --quick and returns its JSON rows by name. */
    private Map<String, JsonNode> run(String scenario) throws Exception {
        Path json = work.resolve(scenario + ".json");
        int exit = new CommandLine(new Main()).execute(scenario, "--quick", "--json", json.toString(),
                "--work", work.resolve(scenario).toString());
        assertThat(exit).isZero();
        Map<String, JsonNode> rows = new HashMap<>();
        for (JsonNode row : new ObjectMapper().readTree(json.toFile()).get("rows")) {
            rows.put(row.get("name").asText(), row);
        }
        return rows;
    }
}
