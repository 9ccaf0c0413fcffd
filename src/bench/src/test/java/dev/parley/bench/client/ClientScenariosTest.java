package dev.parley.bench.client;

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

/** Each client scenario once at its toy size: the figures are there and make sense (never how fast they are). */
class ClientScenariosTest {
    @TempDir
    Path work;

    @Test
    void clientStartTimesColdStartsToInboxPainted() throws Exception {
        Map<String, Double> rows = run("client-start");

        assertThat(rows.get("cold start, no AppCDS, median")).isPositive();
    }

    @Test
    void clientMemoryReadsEveryConversationAndReportsTheResidentSet() throws Exception {
        Map<String, Double> rows = run("client-memory");

        assertThat(rows.get("conversations opened and scrolled")).isEqualTo(8);
        assertThat(rows.get("RSS after reading")).isPositive();
        assertThat(rows.get("heap after full GC")).isPositive();
    }

    @Test
    void emojiPickerTimesTheColdAndTheWarmOpens() throws Exception {
        Map<String, Double> rows = run("emoji-picker");

        assertThat(rows.get("first open (cold)")).isPositive();
        assertThat(rows.get("warm open, median")).isPositive();
        assertThat(rows.get("warm open, max")).isGreaterThanOrEqualTo(rows.get("warm open, median"));
    }

    @Test
    void clientScrollReadsTheWholeChatAndCountsPulses() throws Exception {
        Map<String, Double> rows = run("client-scroll");

        // 300 messages, and the day separators between them.
        assertThat(rows.get("rows in the chat at the top")).isGreaterThanOrEqualTo(300);
        assertThat(rows.get("pulses")).isPositive();
        assertThat(rows.get("longest gap between pulses")).isPositive();
    }

    /** Runs the scenario at --quick and returns its rows, name to figure. */
    private Map<String, Double> run(String scenario) throws Exception {
        Path json = work.resolve(scenario + ".json");
        int exit = new CommandLine(new Main()).execute(scenario, "--quick", "--json", json.toString(),
                "--work", work.resolve("work").toString());
        assertThat(exit).isZero();
        Map<String, Double> rows = new HashMap<>();
        for (JsonNode row : new ObjectMapper().readTree(json.toFile()).get("rows")) {
            rows.put(row.get("name").asText(), row.get("parley").asDouble());
        }
        return rows;
    }
}
