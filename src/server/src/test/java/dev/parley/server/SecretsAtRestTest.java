package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Request;
import dev.parley.server.auth.SessionTokens;
import dev.parley.server.store.sqlite.SqliteDatabase;
import dev.parley.server.testing.CapturedLogs;
import dev.parley.server.testing.ServerTest;
import dev.parley.server.testing.WireClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Passwords and session tokens never reach the logs, and the database keeps only a hash of each token. */
class SecretsAtRestTest extends ServerTest {
    private static final String PASSWORD = "correct-horse-battery-staple";

    private CapturedLogs logs;

    @BeforeEach
    void captureEveryLogLine() {
        logs = CapturedLogs.atTrace();
        startServer();
    }

    @AfterEach
    void restoreLogging() {
        logs.close();
    }

    @Test
    void signInRegisterAndHelloLogNeitherThePasswordNorTheToken() {
        WireClient device = track(WireClient.connect(server.uri()));
        String token = device.ok(new Request.Register("alice", "Alice", PASSWORD, "laptop")).get("token").asText();
        WireClient wrong = track(WireClient.connect(server.uri()));
        wrong.error(new Request.Login("alice", PASSWORD + "-typo", "phone"));
        String second = wrong.ok(new Request.Login("alice", PASSWORD, "phone")).get("token").asText();
        WireClient resumed = track(WireClient.connect(server.uri()));
        resumed.ok(new Request.Hello(1, token));
        WireClient stale = track(WireClient.connect(server.uri()));
        stale.error(new Request.Hello(1, token + "x"));
        server.stop();

        List<String> lines = logs.lines();
        assertThat(lines).as("the flow did log something").isNotEmpty();
        for (String secret : List.of(PASSWORD, token, second, token + "x")) {
            assertThat(lines).noneMatch(line -> line.contains(secret));
        }
    }

    @Test
    void theDatabaseKeepsOnlyTheSha256OfEachSessionToken() throws Exception {
        WireClient alice = user("alice");
        server.stop();

        List<byte[]> hashes = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:"
                + dataDir.resolve(SqliteDatabase.FILE_NAME).toAbsolutePath());
                ResultSet rows = db.createStatement().executeQuery("SELECT token_hash FROM sessions")) {
            while (rows.next()) {
                hashes.add(rows.getBytes(1));
            }
        }
        assertThat(hashes).singleElement().isEqualTo(SessionTokens.hash(alice.token()));
        try (var files = Files.list(dataDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                        .as("%s holds no token in the clear", file.getFileName()).doesNotContain(alice.token());
            }
        }
    }
}
