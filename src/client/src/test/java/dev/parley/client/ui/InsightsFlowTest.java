package dev.parley.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.parley.client.AppOptions;
import dev.parley.client.testing.AliceAndBobTest;
import dev.parley.client.testing.Peer;
import dev.parley.client.ui.insights.InsightsFigures;
import dev.parley.protocol.Insights;
import dev.parley.protocol.Request;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;

/**
 * The insights window from the account menu: it shows the figures the server computes for the last 7 days, and its
 * CSV export holds the same ones.
 */
class InsightsFlowTest extends AliceAndBobTest {
    private static final Path SHOTS = Path.of("target", "screenshots");

    @Test
    void theDashboardShowsTheServersFiguresAndExportsThem() throws Exception {
        aliceChatsWithBob("Are the mugs ready?");
        clickOn("#composer").write("Yes, glazed and packed!").type(KeyCode.ENTER);
        waitUntil(() -> screen.preview("Bob Marsh").equals("Yes, glazed and packed!"));
        try (Peer cal = Peer.register(server.uri(), "cal", "Cal Stranger")) {
            long request = cal.open("alice");
            cal.send(request, "Do you ship abroad?");
            alice.call(new Request.RequestDecline(request), dev.parley.protocol.Reply.Empty.class);
        }

        clickOn("#accountMenu");
        clickOn("Insights…");
        waitUntil(() -> showing("#figure-sent") && "1".equals(textOf("#figure-sent")));

        LocalDate today = LocalDate.now();
        Insights reply = alice.call(new Request.InsightsGet(today.minusDays(6), today, ZoneId.systemDefault().getId()),
                Insights.class);
        List<InsightsFigures.Figure> expected = InsightsFigures.of(reply);
        for (InsightsFigures.Figure figure : expected) {
            assertThat(textOf("#figure-" + figure.id())).as(figure.id()).isEqualTo(figure.shown());
        }
        assertThat(textOf("#figure-received")).isEqualTo("2");
        assertThat(textOf("#figure-newByOthers")).isEqualTo("2");
        assertThat(textOf("#figure-declined")).isEqualTo("1");
        assertThat(textOf("#figure-medianReply")).isNotEqualTo("—");
        LocalDateTime now = LocalDateTime.now();
        Node busyHour = lookup("#heat-" + (now.getDayOfWeek().getValue() - 1) + "-" + now.getHour()).query();
        assertThat(busyHour.getStyleClass()).as("this hour has messages").doesNotContain("empty");
        snapshot(insightsStage().getScene(), SHOTS.resolve("insights-flow.png"));

        clickOn("#exportButton");
        Path csv = tempDir.resolve("Parley insights " + today.minusDays(6) + " to " + today + ".csv");
        waitUntil(() -> Files.exists(csv) && textOf("#exportStatus").startsWith("Saved as"));
        List<List<String>> rows = parse(csv);
        int blank = rows.indexOf(List.of(""));
        assertThat(rows.subList(4, blank)).containsExactlyElementsOf(expected.stream()
                .map(f -> List.of(f.fullLabel(), f.value(), f.shown())).toList());
        assertThat(rows.subList(blank + 2, blank + 2 + reply.days().size())).containsExactlyElementsOf(
                reply.days().stream().map(d -> List.of(d.date().toString(), Integer.toString(d.sent()),
                        Integer.toString(d.received()))).toList());
    }

    @Test
    void theDemosMonthInLightAndDark() throws Exception {
        launch(new AppOptions(null, dataDir(), false));
        waitUntil(() -> screen.isShowing() && screen.conversationNames().size() >= 6);

        clickOn("#accountMenu");
        clickOn("Insights…");
        waitUntil(() -> showing("#figure-sent"));
        clickOn("#period-month");
        waitUntil(() -> textOf("#rangeLabel").contains(LocalDate.now().minusDays(29).getYear() + "")
                && !showing("#loadingPane"));
        waitUntil(() -> !"0".equals(textOf("#figure-received")));
        snapshot(insightsStage().getScene(), SHOTS.resolve("insights-light.png"));
        interact(() -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
        snapshot(insightsStage().getScene(), SHOTS.resolve("insights-dark.png"));

        assertThat(Files.size(SHOTS.resolve("insights-light.png"))).isGreaterThan(20_000);
    }

    private Stage insightsStage() throws Exception {
        return onFx(() -> Window.getWindows().stream().filter(Stage.class::isInstance).map(Stage.class::cast)
                .filter(s -> "Insights".equals(s.getTitle())).findFirst().orElseThrow());
    }

    static List<List<String>> parse(Path file) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<String[]> lines = new CsvMapper().readerFor(String[].class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(file.toFile())) {
            while (lines.hasNext()) {
                rows.add(List.of(lines.next()));
            }
        }
        return rows;
    }
}
