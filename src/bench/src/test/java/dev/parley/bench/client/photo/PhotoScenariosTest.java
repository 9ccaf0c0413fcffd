package dev.parley.bench.client.photo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.bench.Main;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The photo scenarios at toy size: they run through and report sane figures (never checked against targets). */
class PhotoScenariosTest {
    @TempDir
    Path work;

    @Test
    void droppedPhotosReachTheRecipientAndEveryMomentIsTimed() throws Exception {
        JsonNode report = run("photo");

        assertThat(value(report, "photos the recipient received")).isEqualTo(2);
        for (String moment : List.of("cold: drop → tray thumbnail", "cold: drop → photo in its bubble",
                "cold: drop → acked", "warm: drop → acked median", "warm: Send → acked median")) {
            assertThat(value(report, moment)).as(moment).isPositive();
        }
        assertThat(value(report, "cold: drop → acked")).isGreaterThan(value(report, "cold: drop → tray thumbnail"));
        assertThat(value(report, "FX thread: pulses seen")).isPositive();
        assertThat(value(report, "FX thread: longest pulse gap")).isPositive();
    }

    @Test
    void everyVariantIsTimedAndItsPictureCompared() throws Exception {
        JsonNode report = run("photo-variants");

        List<String> timed = new ArrayList<>();
        List<String> compared = new ArrayList<>();
        for (JsonNode row : report.path("rows")) {
            (row.path("unit").asText().equals("ms") ? timed : compared).add(row.path("name").asText());
            assertThat(row.path("parley").asDouble()).as(row.path("name").asText()).isPositive();
        }
        assertThat(timed).contains("decode: ImageIO, first reader (client)", "client: choices, Standard only (what a drop runs)")
                .anyMatch(name -> name.contains("JavaFX Image")).anyMatch(name -> name.contains("subsampled"));
        assertThat(compared).anyMatch(name -> name.contains("QUALITY")).anyMatch(name -> name.contains("SPEED"));
    }

    private JsonNode run(String scenario) throws Exception {
        Path json = work.resolve(scenario + ".json");
        int exit = new CommandLine(new Main()).execute(scenario, "--quick", "--json", json.toString(), "--work",
                work.resolve(scenario).toString());
        assertThat(exit).isZero();
        return new ObjectMapper().readTree(json.toFile());
    }

    private static double value(JsonNode report, String name) {
        for (JsonNode row : report.path("rows")) {
            if (row.path("name").asText().equals(name)) {
                return row.path("parley").asDouble();
            }
        }
        throw new AssertionError("no row " + name + " in " + report.path("rows"));
    }
}
