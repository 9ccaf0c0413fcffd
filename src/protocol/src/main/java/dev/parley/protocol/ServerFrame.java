package dev.parley.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/** A frame from the server as the client reads it: a reply to one of its requests, or a push. */
public sealed interface ServerFrame {

    /** Successful reply to request {@code re}; decode the body with {@link Codec#readBody}. */
    record Ok(String re, JsonNode body) implements ServerFrame {
    }

    /** Failed reply; {@code re} is null when the request was too broken to carry an id. */
    record Error(String re, ErrorCode code, String message, Long retryAfterMs) implements ServerFrame {
        public ProtocolException toException() {
            return new ProtocolException(code, message, retryAfterMs);
        }
    }

    /** A server push. */
    record Pushed(Event event) implements ServerFrame {
    }

    /** A push of a type this build does not know, from a newer server; clients ignore it. */
    record Unknown(String type) implements ServerFrame {
    }
}
