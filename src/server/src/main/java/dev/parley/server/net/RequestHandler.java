package dev.parley.server.net;

import dev.parley.protocol.Request;
import java.util.concurrent.CompletionStage;

/** Serves one decoded request; the stage completes with the reply body or a {@code ProtocolException}. */
@FunctionalInterface
public interface RequestHandler {
    CompletionStage<?> handle(ClientConnection connection, Request request);
}
