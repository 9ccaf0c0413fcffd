package dev.parley.client.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.client.testing.AppTest;
import dev.parley.client.testing.ChatScreen;
import dev.parley.client.testing.Peer;
import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Message;
import dev.parley.protocol.ProtocolException;
import dev.parley.server.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Reporting from the app: the confirmation, the evidence file, and what the server's moderators then see. */
class ReportFlowTest extends AppTest {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    final ChatScreen screen = new ChatScreen(this);

    /** Runs {@code parley-server reports …} in-process on the test server's data directory. */
    String moderators(String... args) {
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new Main());
        command.setOut(new PrintWriter(out));
        String[] withData = Stream.concat(Stream.of("reports"), Stream.concat(Stream.of(args),
                Stream.of("--data", tempDir.resolve("server").toString()))).toArray(String[]::new);
        assertThat(command.execute(withData)).as("exit code of reports %s", List.of(args)).isZero();
        return out.toString();
    }

    Scene reportDialog() {
        return window("Report").getScene();
    }

    /** Opens the chat with {@code name} and picks "Report…" from its menu. */
    void reportFromTheChatMenu(String name) {
        screen.open(name);
        clickOn("#chatMenu");
        clickOn(lookup(".menu-item .label").match(node -> node.isVisible()
                && "Report…".equals(((Labeled) node).getText())).queryLabeled());
        waitUntil(() -> showing("#harassment"));
    }

    @Test
    void reportingFromTheChatMenuWithoutBlockingKeepsTheConversation() throws Exception {
        startServer();
        try (Peer alice = Peer.register(server.uri(), "alice", "Alice Liddell");
                Peer bob = Peer.register(server.uri(), "bob", "Bob Marsh")) {
            Peer.befriend(alice, bob);
            bob.send(bob.open("alice"), "Answer me. Now.");
            launch(sessionOf(alice, "Alice Liddell"));
            waitUntil(() -> screen.conversationNames().equals(List.of("Bob Marsh")));

            reportFromTheChatMenu("Bob Marsh");
            clickOn("#harassment");
            clickOn("#sendReport");
            waitUntil(() -> showing("#done"));
            boolean saidBlocked = showing("#blockedText");
            clickButton("Close");
            clickOn("#chatMenu");

            assertThat(saidBlocked).isFalse();
            assertThat(onFx(() -> lookup(".menu-item .label").match(Node::isVisible).queryAll().stream()
                    .map(node -> ((Labeled) node).getText()).toList()))
                    .containsExactly("Mute notifications", "Share a profile…", "Scheduled messages…",
                            "Contact fields…", "Export chat…", "New poll…",
                            "View profile", "Block", "Report…");
            assertThat(onFx(screen::conversationNames)).containsExactly("Bob Marsh");
            assertThat(moderators("list")).contains("@bob", "harassment");
        }
    }

    @Test
    void aReportThatCannotBeSentSaysWhyAndKeepsTheForm() throws Exception {
        startServer();
        try (Peer alice = Peer.register(server.uri(), "alice", "Alice Liddell");
                Peer bob = Peer.register(server.uri(), "bob", "Bob Marsh")) {
            Peer.befriend(alice, bob);
            bob.send(bob.open("alice"), "You'll regret this");
            launch(sessionOf(alice, "Alice Liddell"));
            waitUntil(() -> screen.conversationNames().equals(List.of("Bob Marsh")));
            reportFromTheChatMenu("Bob Marsh");
            clickOn("#harassment");
            server.stop();

            clickOn("#sendReport");

            waitUntil(() -> showing("#errorLabel"));
            assertThat(textOf("#errorLabel")).isEqualTo(
                    "Can't reach the server right now. Your report wasn't sent; try again when you are back online.");
            assertThat(showing("#form")).isTrue();
            clickButton("Cancel");
        }
    }

    @Test
    void reportingARequestShowsTheConfirmationSavesTheEvidenceAndReachesTheModerators() throws Exception {
        startServer();
        try (Peer alice = Peer.register(server.uri(), "alice", "Alice Liddell");
                Peer dana = Peer.register(server.uri(), "dana", "Dana Ruiz")) {
            long conversation = dana.open("alice");
            List<Message> sent = List.of(dana.send(conversation, "Congratulations! You won a $500 gift card."),
                    dana.send(conversation, "Send your card number and PIN to claim it today"));
            launch(sessionOf(alice, "Alice Liddell"));
            waitUntil(() -> showing("#requestsBar"));
            clickOn("#requestsButton");
            waitUntil(() -> screen.conversationNames().equals(List.of("Dana Ruiz")));
            screen.open("Dana Ruiz");
            waitUntil(() -> showing("#requestBanner"));

            clickOn("#reportButton");
            waitUntil(() -> showing("#scam"));
            clickOn("#scam");
            clickOn("#noteArea").write("Asked for my card number and PIN");
            clickOn("#blockCheck");
            snapshot(reportDialog(), SCREENSHOTS.resolve("report-form.png"));
            clickOn("#sendReport");
            waitUntil(() -> showing("#done"));
            String confirmation = textOf("#doneText");
            String blocked = textOf("#blockedText");
            clickOn("#saveButton");
            waitUntil(() -> showing("#savedLabel"));
            snapshot(reportDialog(), SCREENSHOTS.resolve("report-confirmation.png"));
            clickButton("Close");
            waitUntil(() -> !showing("#requestsBar"));
            clickOn("#accountMenu");
            clickOn("Privacy…");
            waitUntil(() -> lookup("#unblock-dana").tryQuery().isPresent());
            clickButton("Cancel");
            Throwable refused = catchThrowable(() -> dana.send(conversation, "Hello? Still there?"));

            assertThat(confirmation).startsWith("Report #1 arrived on ").contains("2 messages");
            assertThat(blocked).isEqualTo("You also blocked @dana: they can't message you any more.");
            JsonNode saved = new ObjectMapper().readTree(Files.readString(tempDir.resolve("parley-report-1.json")));
            assertThat(saved.at("/reportedBy/handle").asText()).isEqualTo("alice");
            assertThat(saved.at("/report/reportId").asLong()).isEqualTo(1);
            assertThat(saved.at("/report/reason").asText()).isEqualTo("scam");
            assertThat(saved.at("/report/note").asText()).isEqualTo("Asked for my card number and PIN");
            assertThat(saved.at("/report/reported/handle").asText()).isEqualTo("dana");
            assertThat(saved.at("/report/reported/displayName").asText()).isEqualTo("Dana Ruiz");
            assertThat(saved.at("/report/evidence")).extracting(m -> m.get("text").asText())
                    .containsExactly(sent.get(0).text(), sent.get(1).text());
            assertThat(saved.at("/report/evidence/1/clientId").asText()).isEqualTo(sent.get(1).clientId().toString());
            assertThat(((ProtocolException) rootCause(refused)).code()).isEqualTo(ErrorCode.PRIVACY_DENIED);

            String list = moderators("list");
            String show = moderators("show", "1");
            assertThat(list.lines().skip(1).findFirst().orElseThrow().split(" +"))
                    .containsSubsequence("1", "@alice", "@dana", "scam", "2", "open");
            assertThat(show).contains("Asked for my card number and PIN", "@dana (Dana Ruiz)", "scam");
            for (Message message : sent) {
                assertThat(show).contains("#" + message.seq() + "  " + message.sentAt() + "  @dana  "
                        + message.clientId(), "      " + message.text());
            }
        }
    }
}
