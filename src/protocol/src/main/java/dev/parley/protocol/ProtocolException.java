package dev.parley.protocol;

/**
 * A request that cannot be served, carrying the typed error to send back. Thrown by validation in the
 * wire records (so client and server enforce the same limits) and by server handlers.
 */
public class ProtocolException extends RuntimeException {
    private final ErrorCode code;
    private final Long retryAfterMs;

    public ProtocolException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public ProtocolException(ErrorCode code, String message, Long retryAfterMs) {
        super(message, null, false, false);
        this.code = code;
        this.retryAfterMs = retryAfterMs;
    }

    public ErrorCode code() {
        return code;
    }

    /** Milliseconds after which a retry may succeed, for {@link ErrorCode#RATE_LIMITED}; otherwise null. */
    public Long retryAfterMs() {
        return retryAfterMs;
    }

    public static ProtocolException badRequest(String message) {
        return new ProtocolException(ErrorCode.BAD_REQUEST, message);
    }

    public static ProtocolException notFound(String message) {
        return new ProtocolException(ErrorCode.NOT_FOUND, message);
    }
}
