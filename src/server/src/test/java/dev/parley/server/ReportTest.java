package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.Message;
import dev.parley.protocol.Reply;
import dev.parley.protocol.ReportReason;
import dev.parley.protocol.Request;
import dev.parley.server.testing.ServerTest;
import dev.parley.server.testing.TestServers;
import dev.parley.server.testing.WireClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Reports over the wire: the evidence they keep, who can be reported, and the moderators' command. */
class ReportTest extends ServerTest {
    WireClient alice;
    WireClient bob;
    long conversation;

    @BeforeEach
    void start() {
        startServer();
        alice = user("alice");
        bob = user("bob");
        conversation = bob.ok(new Request.ConversationOpen("alice")).get("id").asLong();
    }

    /** Sends the texts from one person, pipelined, and returns the stored messages. */
    List<Message> send(WireClient from, List<String> texts) {
        List<CompletableFuture<JsonNode>> replies = texts.stream()
                .map(text -> from.request(new Request.MessageSend(conversation, UUID.randomUUID(), text))).toList();
        return replies.stream().map(CompletableFuture::join)
                .peek(reply -> assertThat(code(reply)).as("%s", reply).isEqualTo("ok"))
                .map(reply -> read(reply.get("body"), Reply.Sent.class).message()).toList();
    }

    static <T> T read(JsonNode body, Class<T> type) {
        return new dev.parley.protocol.Codec().readBody(body, type);
    }

    Reply.ReportReceipt report(WireClient from, Request.ReportCreate request) {
        return from.ok(request, Reply.ReportReceipt.class);
    }

    static String code(JsonNode reply) {
        return reply.path("code").asText("ok");
    }

    record Run(int exit, String out, String err) {
    }

    /** Runs {@code parley-server reports …} in-process on the running server's data directory. */
    Run reports(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new Main());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        String[] full = Stream.concat(Stream.of("reports"), Stream.of(args)).toArray(String[]::new);
        String[] withData = Stream.concat(Stream.of(full), TestServers.storeOptions(dataDir).stream())
                .toArray(String[]::new);
        return new Run(command.execute(withData), out.toString(), err.toString());
    }

    @Test
    void aReportKeepsTheLastFiftyMessagesAsTheReporterSeesThem() {
        WireClient.befriend(alice, bob);
        List<Message> sent = send(bob, IntStream.rangeClosed(1, 60).mapToObj(i -> "message " + i).toList());

        Reply.ReportReceipt receipt = report(alice, new Request.ReportCreate("bob", conversation,
                ReportReason.HARASSMENT, "  He won't stop.  ", false));
        Reply.History seen = alice.ok(new Request.MessageHistory(conversation, null, 50), Reply.History.class);

        assertThat(receipt.evidence()).hasSize(50).isEqualTo(seen.messages()).isEqualTo(sent.subList(10, 60));
        assertThat(receipt.evidence().get(0).text()).isEqualTo("message 11");
        assertThat(receipt.reported().handle()).isEqualTo("bob");
        assertThat(receipt.reported().displayName()).isEqualTo("Bob");
        assertThat(receipt.note()).isEqualTo("He won't stop.");
        assertThat(receipt.reason()).isEqualTo(ReportReason.HARASSMENT);
        assertThat(receipt.conversationId()).isEqualTo(conversation);
        assertThat(receipt.blocked()).isFalse();
        assertThat(code(send(bob, "still here"))).as("no block was asked for").isEqualTo("ok");
    }

    JsonNode send(WireClient from, String text) {
        return from.request(new Request.MessageSend(conversation, UUID.randomUUID(), text)).join();
    }

    @Test
    void evidenceMarksAMessageTheSenderUnsentAndLeavesOutTheTombstone() {
        List<Message> sent = send(bob, List.of("Pay me or else", "Just kidding"));
        bob.ok(new Request.MessageUnsend(conversation, sent.get(0).seq()));

        Reply.ReportReceipt receipt = report(alice, new Request.ReportCreate("bob", conversation,
                ReportReason.HARASSMENT, null, false));

        assertThat(receipt.evidence()).extracting(Message::seq).containsExactly(1L, 2L);
        assertThat(receipt.evidence().get(0).unsent()).isTrue();
        assertThat(receipt.evidence().get(0).text()).isEmpty();
        assertThat(reports("show", Long.toString(receipt.reportId())).out())
                .contains("(unsent by the sender before the report)").contains("Just kidding");
    }

    @Test
    void reportingWithBlockAlsoBlocksThem() {
        send(bob, List.of("Send me your card number"));

        Reply.ReportReceipt receipt = report(alice, new Request.ReportCreate("bob", conversation, ReportReason.SCAM,
                null, true));

        assertThat(receipt.blocked()).isTrue();
        assertThat(code(send(bob, "hello?"))).isEqualTo("privacy_denied");
        assertThat(alice.ok(new Request.BlockList()).get("users")).extracting(u -> u.get("handle").asText())
                .containsExactly("bob");
    }

    @Test
    void someoneWhoBlockedTheReporterIsReportableOnlyFromTheirConversation() {
        send(bob, List.of("You'll regret ignoring me"));
        bob.ok(new Request.UserBlock("alice"));

        Reply.ReportReceipt fromConversation = report(alice, new Request.ReportCreate("bob", conversation,
                ReportReason.HARASSMENT, null, false));
        JsonNode fromProfile = alice.request(new Request.ReportCreate("bob", null, ReportReason.HARASSMENT, null,
                false)).join();

        assertThat(fromConversation.evidence()).extracting(Message::text).containsExactly("You'll regret ignoring me");
        assertThat(code(fromProfile)).as("without the conversation, bob is hidden from alice").isEqualTo("not_found");
    }

    @Test
    void aProfileCanBeReportedWithoutAConversation() {
        user("bob.official");

        Reply.ReportReceipt receipt = report(alice, new Request.ReportCreate("bob.official", null,
                ReportReason.IMPERSONATION, "Pretends to be Bob", false));

        assertThat(receipt.evidence()).isEmpty();
        assertThat(receipt.conversationId()).isNull();
        assertThat(reports("show", Long.toString(receipt.reportId())).out())
                .contains("@bob.official (Bob.official)", "impersonation", "Pretends to be Bob", "no messages");
    }

    @Test
    void theModeratorsCommandListsShowsAndResolvesReportsWhileTheServerRuns() {
        WireClient.befriend(alice, bob);
        List<Message> sent = send(bob, List.of("Hi, I sell followers", "Line one\nline two",
                "Pay now \u001b[31mor else"));
        Reply.ReportReceipt receipt = report(alice, new Request.ReportCreate("bob", conversation, ReportReason.SPAM,
                "Three messages in a minute", false));
        send(bob, List.of("sent after the report"));
        String id = Long.toString(receipt.reportId());

        Run list = reports("list");
        Run show = reports("show", id);
        Run resolve = reports("resolve", id, "--note", "Warned the account");
        Run openAfter = reports("list");
        Run all = reports("list", "--all");
        Run again = reports("resolve", id, "--note", "twice");
        Run unknown = reports("show", "999");

        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains("ID", "REPORTER", "REPORTED", "REASON", "MESSAGES");
        assertThat(list.out().lines().skip(1).findFirst().orElseThrow().split(" +"))
                .containsSubsequence(id, receipt.createdAt().toString().substring(0, 19) + "Z", "@alice", "@bob",
                        "spam", "3", "open");
        assertThat(show.exit()).isZero();
        assertThat(show.out()).contains("Report " + id + " (open)", "spam", "Three messages in a minute",
                "@bob (Bob), account created", "Conversation  " + conversation, "3 messages, oldest first")
                .doesNotContain("sent after the report").doesNotContain("\u001b");
        for (Message message : sent) {
            assertThat(show.out()).contains("#" + message.seq() + "  " + message.sentAt() + "  @bob  "
                    + message.clientId());
        }
        assertThat(show.out()).contains("      Hi, I sell followers", "      Line one\n      line two",
                "Pay now \\u001B[31mor else");
        assertThat(resolve.out()).contains("Resolved report " + id);
        assertThat(openAfter.out()).contains("No open reports.");
        assertThat(all.out()).contains("resolved");
        assertThat(reports("show", id).out()).contains("(resolved)", "Warned the account");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("already resolved");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("There is no report 999.");
    }

    @Test
    void badReportsGetTypedErrorsNeverRevealWhoExistsAndStoreNothing() {
        WireClient carol = user("carol");
        long carolAndAlice = carol.ok(new Request.ConversationOpen("alice")).get("id").asLong();
        bob.ok(new Request.UserBlock("carol"));
        String tooLong = "x".repeat(dev.parley.protocol.Limits.MAX_REPORT_NOTE_CHARS + 1);

        JsonNode unknownReason = alice.rawRequest("report.create", "{\"handle\":\"bob\",\"reason\":\"rude\"}");
        JsonNode longNote = alice.rawRequest("report.create",
                "{\"handle\":\"bob\",\"reason\":\"spam\",\"note\":\"" + tooLong + "\"}");
        JsonNode wrongBlock = alice.rawRequest("report.create",
                "{\"handle\":\"bob\",\"reason\":\"spam\",\"block\":\"yes\"}");
        JsonNode yourself = alice.request(new Request.ReportCreate("Alice", null, ReportReason.SPAM, null, false))
                .join();
        List<JsonNode> notFound = List.of(
                alice.request(new Request.ReportCreate("nobody", null, ReportReason.SPAM, null, false)).join(),
                carol.request(new Request.ReportCreate("bob", conversation, ReportReason.SPAM, null, false)).join(),
                carol.request(new Request.ReportCreate("alice", conversation, ReportReason.SPAM, null, false)).join(),
                alice.request(new Request.ReportCreate("bob", carolAndAlice, ReportReason.SPAM, null, false)).join(),
                alice.request(new Request.ReportCreate("bob", 999L, ReportReason.SPAM, null, false)).join(),
                carol.request(new Request.ReportCreate("bob", null, ReportReason.SPAM, null, false)).join(),
                carol.request(new Request.ReportCreate("nobody", conversation, ReportReason.SPAM, null, true)).join());

        assertThat(code(unknownReason)).isEqualTo("bad_request");
        assertThat(unknownReason.get("message").asText()).contains("spam, harassment, scam, impersonation or other");
        assertThat(code(longNote)).isEqualTo("too_large");
        assertThat(code(wrongBlock)).isEqualTo("bad_request");
        assertThat(code(yourself)).isEqualTo("bad_request");
        assertThat(notFound).extracting(ReportTest::code).containsOnly("not_found");
        assertThat(notFound).extracting(reply -> reply.get("message").asText()).as("one answer for every case")
                .containsOnly("no such person or conversation to report");
        assertThat(reports("list").out()).contains("No open reports.");
        assertThat(carol.ok(new Request.BlockList()).get("users")).isEmpty();
    }
}
