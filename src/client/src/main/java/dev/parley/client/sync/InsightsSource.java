package dev.parley.client.sync;

import dev.parley.client.net.ServerConnection;
import dev.parley.protocol.Insights;
import dev.parley.protocol.Request;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** The person's insights as the server computes them (PROTOCOL §11.11); nothing is cached on the device. */
public final class InsightsSource {
    private final ServerConnection connection;
    private final Executor io;

    InsightsSource(ServerConnection connection, Executor io) {
        this.connection = connection;
        this.io = io;
    }

    /** Insights over the local dates {@code from}..{@code to} (both included) in {@code zone}. */
    public CompletableFuture<Insights> load(LocalDate from, LocalDate to, ZoneId zone) {
        return CompletableFuture.supplyAsync(() -> new Request.InsightsGet(from, to, zone.getId()), io)
                .thenCompose(request -> connection.request(request, Insights.class));
    }
}
