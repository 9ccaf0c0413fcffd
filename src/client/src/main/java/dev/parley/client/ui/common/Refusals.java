package dev.parley.client.ui.common;

import dev.parley.client.ui.ViewLoader;
import dev.parley.protocol.ProtocolException;
import java.util.concurrent.CompletionException;

/** Says in a sentence why the server or the connection refused a request, for an error line in a dialog. */
public final class Refusals {
    private Refusals() {
    }

    /** The server's own sentence (it writes them for people), or "you're offline" when no answer came. */
    public static String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof ProtocolException refused && refused.getMessage() != null
                && !refused.getMessage().isEmpty()) {
            String reason = refused.getMessage();
            return Character.toUpperCase(reason.charAt(0)) + reason.substring(1) + ".";
        }
        return ViewLoader.text("error.offline");
    }
}
