package dev.parley.client.ui.schedule;

import dev.parley.client.ui.ViewLoader;
import dev.parley.protocol.ProtocolException;
import java.util.concurrent.CompletionException;

/** Says in a sentence why the server or the connection refused a scheduling request. */
final class ScheduleFailures {
    private ScheduleFailures() {
    }

    static String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof ProtocolException refused && refused.getMessage() != null) {
            String reason = refused.getMessage();
            return Character.toUpperCase(reason.charAt(0)) + reason.substring(1) + ".";
        }
        return ViewLoader.text("schedule.error.offline");
    }
}
