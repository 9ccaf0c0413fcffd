package dev.parley.server.store;

import java.util.function.Consumer;

/**
 * Where a database announces every message it commits (sent, unsent, reactions, pins, polls, proposals, group
 * lines, scheduled and broadcast deliveries), once each, in commit order, on its write queue's delivery thread.
 * The service that fans messages out listens here, so that a conversation's messages reach every member in seq
 * order however the requests that wrote them were scheduled.
 */
public final class CommittedMessages implements Consumer<Appended> {
    private volatile Consumer<Appended> listener = appended -> { };

    /** Sets the one listener (the fan-out); until then committed messages are announced to no one. */
    public void listen(Consumer<Appended> listener) {
        this.listener = listener;
    }

    @Override
    public void accept(Appended appended) {
        listener.accept(appended);
    }
}
