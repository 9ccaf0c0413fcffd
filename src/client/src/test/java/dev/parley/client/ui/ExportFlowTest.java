package dev.parley.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.client.testing.AliceAndBobTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Exporting the open chat from its menu: a progress dialog, then an HTML page and a JSON file on disk. */
class ExportFlowTest extends AliceAndBobTest {
    private static final Path SHOTS = Path.of("target", "screenshots");

    @Test
    void theChatMenuExportsTheWholeChatAsHtmlAndJson() throws Exception {
        aliceChatsWithBob("Here is the whole story");
        bob.sendMany(conversation, IntStream.rangeClosed(1, 150).mapToObj(i -> "part " + i).toList());
        waitUntil(() -> screen.preview("Bob Marsh").equals("part 150"));

        clickOn("#chatMenu");
        clickOn(menuLabel("Export chat…"));
        waitUntil(() -> showing("#closeExportButton"));
        snapshot(onFx(() -> lookup("#closeExportButton").query().getScene()), SHOTS.resolve("export-done.png"));
        clickOn("#closeExportButton");

        Path html = tempDir.resolve("Parley - Bob Marsh.html");
        assertThat(Files.readString(html)).contains("Here is the whole story", "part 150");
        var json = new ObjectMapper().readTree(tempDir.resolve("Parley - Bob Marsh.json").toFile());
        assertThat(json.at("/conversations/0/messages")).hasSize(151);
        assertThat(json.at("/conversations/0/with").asText()).isEqualTo("bob");
    }
}
