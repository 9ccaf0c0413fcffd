package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.Request;
import dev.parley.server.auth.LoginLimits;
import dev.parley.server.testing.MutableClock;
import dev.parley.server.testing.TestServers;
import dev.parley.server.testing.WireClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountTest {
    @TempDir
    Path dataDir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T09:00:00Z"));
    ParleyServer server;
    final List<WireClient> clients = new ArrayList<>();

    @BeforeEach
    void startServer() {
        server = TestServers.start(TestServers.config(dataDir).clock(clock)
                .loginLimits(new LoginLimits(5, Duration.ofMinutes(1), 8, Duration.ofSeconds(30))).build());
    }

    @AfterEach
    void stopServer() {
        clients.forEach(WireClient::close);
        server.stop();
    }

    WireClient connect() {
        WireClient client = WireClient.connect(server.uri());
        clients.add(client);
        return client;
    }

    JsonNode register(String handle, String password) {
        return connect().ok(new Request.Register(handle, "Someone", password, "laptop"));
    }

    @Test
    void registeringReturnsATokenAndSignsTheConnectionIn() {
        WireClient client = connect();

        JsonNode auth = client.ok(new Request.Register("Alice_B.", "Alice B", "correct horse", "laptop"));
        JsonNode me = client.ok(new Request.UserGet("alice_b."));

        assertThat(auth.get("token").asText()).hasSize(43);
        assertThat(auth.get("user").get("handle").asText()).as("handles are lower-cased").isEqualTo("alice_b.");
        assertThat(me.get("displayName").asText()).isEqualTo("Alice B");
        assertThat(me.get("createdAt").asText()).isEqualTo("2026-11-25T09:00:00Z");
    }

    @Test
    void handlesAreUniqueIgnoringCase() {
        register("alice", "password-1");

        JsonNode error = connect().error(new Request.Register("ALICE", "Other Alice", "password-2", null));

        assertThat(error.get("code").asText()).isEqualTo("conflict");
    }

    @Test
    void invalidHandlesAndShortPasswordsAreRefused() {
        WireClient client = connect();

        for (String handle : List.of("ab", "a".repeat(25), "bad handle", "émile", "semi;colon")) {
            JsonNode error = client.rawRequest("auth.register",
                    "{\"handle\":\"" + handle + "\",\"displayName\":\"X\",\"password\":\"long enough\"}");
            assertThat(error.get("code").asText()).as(handle).isEqualTo("bad_request");
        }
        JsonNode shortPassword = client.rawRequest("auth.register",
                "{\"handle\":\"fine\",\"displayName\":\"X\",\"password\":\"short\"}");
        assertThat(shortPassword.get("code").asText()).isEqualTo("bad_request");
        assertThat(shortPassword.get("message").asText()).contains("at least 8");
        WireClient observer = connect();
        observer.ok(new Request.Register("observer", "Observer", "password-1", null));
        assertThat(observer.error(new Request.UserGet("fine")).get("code").asText())
                .as("nothing was stored").isEqualTo("not_found");
    }

    @Test
    void wrongPasswordAndUnknownHandleAreUnauthorized() {
        register("alice", "password-1");
        WireClient client = connect();

        JsonNode wrong = client.error(new Request.Login("alice", "password-2", null));
        JsonNode unknown = client.error(new Request.Login("nobody", "password-1", null));

        assertThat(wrong.get("code").asText()).isEqualTo("unauthorized");
        assertThat(unknown.get("code").asText()).isEqualTo("unauthorized");
        assertThat(wrong.get("message").asText()).isEqualTo(unknown.get("message").asText());
        assertThat(client.ok(new Request.Login("alice", "password-1", null)).get("user").get("handle").asText())
                .isEqualTo("alice");
    }

    @Test
    void helloWithTokenResumesTheSession() {
        String token = register("alice", "password-1").get("token").asText();

        JsonNode hello = connect().ok(new Request.Hello(1, token));

        assertThat(hello.get("user").get("handle").asText()).isEqualTo("alice");
        assertThat(hello.get("protocol").asInt()).isEqualTo(1);
    }

    @Test
    void helloWithAnUnknownTokenIsUnauthorized() {
        JsonNode error = connect().error(new Request.Hello(1, "not-a-real-token"));

        assertThat(error.get("code").asText()).isEqualTo("unauthorized");
    }

    @Test
    void logoutEndsTheTokenForEveryConnectionUsingIt() {
        WireClient laptop = connect();
        String token = laptop.ok(new Request.Register("alice", "Alice", "password-1", "laptop")).get("token").asText();
        WireClient secondWindow = connect();
        secondWindow.ok(new Request.Hello(1, token));

        laptop.ok(new Request.Logout());

        assertThat(secondWindow.closeCode()).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(4001);
        assertThat(laptop.error(new Request.ConversationList()).get("code").asText()).isEqualTo("unauthorized");
        assertThat(connect().error(new Request.Hello(1, token)).get("code").asText()).isEqualTo("unauthorized");
    }

    @Test
    void sessionsAreListedAndAnotherDeviceCanBeRevoked() {
        WireClient laptop = connect();
        laptop.ok(new Request.Register("alice", "Alice", "password-1", "laptop"));
        WireClient phone = connect();
        long phoneSession = phone.ok(new Request.Login("alice", "password-1", "phone")).get("sessionId").asLong();

        JsonNode sessions = laptop.ok(new Request.SessionList()).get("sessions");
        laptop.ok(new Request.SessionRevoke(phoneSession));

        assertThat(sessions).extracting(s -> s.get("device").asText()).containsExactly("laptop", "phone");
        assertThat(sessions).extracting(s -> s.get("current").asBoolean()).containsExactly(true, false);
        assertThat(phone.closeCode()).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(4001);
        assertThat(laptop.ok(new Request.SessionList()).get("sessions")).hasSize(1);
        assertThat(laptop.error(new Request.SessionRevoke(phoneSession)).get("code").asText()).isEqualTo("not_found");
    }

    @Test
    void aWrongCurrentPasswordChangesNothing() {
        WireClient laptop = connect();
        laptop.ok(new Request.Register("alice", "Alice", "password-1", "laptop"));
        WireClient phone = connect();
        phone.ok(new Request.Login("alice", "password-1", "phone"));

        JsonNode error = laptop.error(new Request.PasswordChange("not-my-password", "password-2"));

        assertThat(error.get("code").asText()).isEqualTo("unauthorized");
        assertThat(phone.ok(new Request.SessionList()).get("sessions")).hasSize(2);
        connect().ok(new Request.Login("alice", "password-1", "tablet"));
        assertThat(connect().error(new Request.Login("alice", "password-2", null)).get("code").asText())
                .isEqualTo("unauthorized");
    }

    @Test
    void changingThePasswordEndsOtherSessionsAndOnlyTheNewOneSignsIn() {
        WireClient laptop = connect();
        laptop.ok(new Request.Register("alice", "Alice", "password-1", "laptop"));
        WireClient phone = connect();
        phone.ok(new Request.Login("alice", "password-1", "phone"));

        laptop.ok(new Request.PasswordChange("password-1", "a much better one"));

        assertThat(phone.closeCode()).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(4001);
        assertThat(laptop.ok(new Request.SessionList()).get("sessions")).singleElement()
                .satisfies(session -> assertThat(session.get("current").asBoolean()).isTrue());
        assertThat(connect().error(new Request.Login("alice", "password-1", null)).get("code").asText())
                .isEqualTo("unauthorized");
        connect().ok(new Request.Login("alice", "a much better one", "phone"));
    }

    @Test
    void aNewPasswordFollowsTheRulesOfRegistration() {
        WireClient laptop = connect();
        laptop.ok(new Request.Register("alice", "Alice", "password-1", "laptop"));

        JsonNode error = laptop.rawRequest("auth.password", "{\"current\":\"password-1\",\"password\":\"short\"}");

        assertThat(error.get("code").asText()).isEqualTo("bad_request");
        connect().ok(new Request.Login("alice", "password-1", null));
    }

    @Test
    void guessingTheCurrentPasswordIsThrottledLikeSignIn() {
        WireClient laptop = connect();
        laptop.ok(new Request.Register("alice", "Alice", "password-1", "laptop"));

        List<String> codes = IntStream.range(0, 6).mapToObj(i -> laptop.error(
                new Request.PasswordChange("guess-" + i, "password-2")).get("code").asText()).toList();

        assertThat(codes).containsExactly("unauthorized", "unauthorized", "unauthorized", "unauthorized",
                "unauthorized", "rate_limited");
        assertThat(laptop.error(new Request.PasswordChange("password-1", "password-2")).get("code").asText())
                .as("even the right password waits, as at sign-in").isEqualTo("rate_limited");
    }

    @Test
    void bruteForceLoginIsRateLimitedPerHandle() {
        register("alice", "password-1");
        WireClient attacker = connect();
        for (int i = 0; i < 5; i++) {
            assertThat(attacker.error(new Request.Login("alice", "guess-" + i, null)).get("code").asText())
                    .isEqualTo("unauthorized");
        }

        JsonNode limited = attacker.error(new Request.Login("alice", "password-1", null));
        JsonNode otherAccount = connect().error(new Request.Login("bob", "password-x", null));

        assertThat(limited.get("code").asText()).as("even the right password waits").isEqualTo("rate_limited");
        assertThat(limited.get("retryAfterMs").asLong()).isBetween(1L, 60_000L);
        assertThat(otherAccount.get("code").asText()).isEqualTo("unauthorized");
        clock.advance(Duration.ofMillis(limited.get("retryAfterMs").asLong()));
        assertThat(attacker.ok(new Request.Login("alice", "password-1", null)).get("user").get("handle").asText())
                .isEqualTo("alice");
    }

    @Test
    void parallelGuessesCannotSlipPastTheLimit() {
        register("alice", "password-1");
        WireClient attacker = connect();

        List<JsonNode> replies = IntStream.range(0, 20)
                .mapToObj(i -> attacker.request(new Request.Login("alice", "guess-" + i, null)))
                .toList().stream().map(CompletableFuture::join).toList();

        assertThat(replies).filteredOn(r -> r.get("code").asText().equals("unauthorized")).hasSize(5);
        assertThat(replies).filteredOn(r -> r.get("code").asText().equals("rate_limited")).hasSize(15);
    }

    @Test
    void successfulSignInsDoNotUseUpTheLimit() {
        register("alice", "password-1");

        for (int i = 0; i < 12; i++) {
            connect().ok(new Request.Login("alice", "password-1", "device " + i));
        }
    }

    @Test
    void helloWithoutATokenTellsASignedInConnectionWhoItIs() {
        WireClient client = connect();
        client.ok(new Request.Register("alice", "Alice", "password-1", null));

        JsonNode hello = client.ok(new Request.Hello(1, null));

        assertThat(hello.get("user").get("handle").asText()).isEqualTo("alice");
        assertThat(connect().ok(new Request.Hello(1, null)).has("user")).isFalse();
    }

    @Test
    void bruteForceAcrossHandlesIsRateLimitedPerAddress() {
        WireClient attacker = connect();
        for (int i = 0; i < 8; i++) {
            attacker.error(new Request.Login("victim" + i, "guess", null));
        }

        JsonNode limited = attacker.error(new Request.Login("victim99", "guess", null));

        assertThat(limited.get("code").asText()).isEqualTo("rate_limited");
        assertThat(limited.get("retryAfterMs").asLong()).isBetween(1L, 30_000L);
    }

    @Test
    void profilesAreLookedUpByHandle() {
        register("alice", "password-1");
        WireClient bob = connect();
        bob.ok(new Request.Register("bob", "Bob", "password-2", null));

        assertThat(bob.ok(new Request.UserGet("ALICE")).get("handle").asText()).isEqualTo("alice");
        assertThat(bob.error(new Request.UserGet("nobody")).get("code").asText()).isEqualTo("not_found");
    }

    @Test
    void aSecondSignInOnTheSameConnectionIsRefused() {
        WireClient client = connect();
        client.ok(new Request.Register("alice", "Alice", "password-1", null));

        JsonNode error = client.error(new Request.Login("alice", "password-1", null));

        assertThat(error.get("code").asText()).isEqualTo("bad_request");
        await().atMost(5, TimeUnit.SECONDS).until(() -> !client.isClosed());
    }
}
