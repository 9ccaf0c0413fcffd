package dev.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.bench.load.BenchSocket;
import dev.parley.bench.load.ParleyConn;
import dev.parley.bench.relay.RelayUnderTest;
import dev.parley.bench.server.ServerUnderTest;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarnessTest {
    @TempDir
    Path work;

    @Test
    void serverUnderTestDeliversAMessageBetweenTwoBenchConnections() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (ServerUnderTest server = ServerUnderTest.start(work.resolve("server"), List.of())) {
            ParleyConn ann = ParleyConn.connect(http, server.uri()).get(30, TimeUnit.SECONDS);
            ParleyConn ben = ParleyConn.connect(http, server.uri()).get(30, TimeUnit.SECONDS);
            ann.register("ann", "password1").get(30, TimeUnit.SECONDS);
            ben.register("ben", "password1").get(30, TimeUnit.SECONDS);
            CompletableFuture<String> pushed = new CompletableFuture<>();
            ben.onPush(frame -> {
                if (frame.contains("evt.message")) {
                    pushed.complete(frame);
                }
            });
            long conversation = ann.openConversation("ben").get(30, TimeUnit.SECONDS);
            JsonNode reply = ann.send(conversation, "hello ben").get(30, TimeUnit.SECONDS);

            assertThat(reply.path("message").path("seq").asLong()).isEqualTo(1);
            assertThat(pushed.get(30, TimeUnit.SECONDS)).contains("hello ben");
        }
    }

    @Test
    void bareRelayForwardsToOneConnectionAndToAGroup() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (RelayUnderTest relay = RelayUnderTest.start(work.resolve("relay"), List.of())) {
            CompletableFuture<String> toTwo = new CompletableFuture<>();
            CompletableFuture<String> acks = new CompletableFuture<>();
            BenchSocket one = BenchSocket.open(http, relay.uri("1"), acks::complete).get(30, TimeUnit.SECONDS);
            BenchSocket two = BenchSocket.open(http, relay.uri("2"), toTwo::complete).get(30, TimeUnit.SECONDS);

            one.send("r1 u2 hi").get(30, TimeUnit.SECONDS);

            assertThat(toTwo.get(30, TimeUnit.SECONDS)).isEqualTo("hi");
            assertThat(acks.get(30, TimeUnit.SECONDS)).isEqualTo("ok r1");
            two.close().get(30, TimeUnit.SECONDS);
        }
    }
}
