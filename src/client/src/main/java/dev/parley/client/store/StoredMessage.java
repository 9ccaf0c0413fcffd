package dev.parley.client.store;

import java.time.Instant;
import java.util.UUID;

/**
 * A message as the local cache holds it; {@code seq} is 0 while it waits in the outbox, {@code failure} is
 * the server's error code when it refused the message (otherwise null).
 */
public record StoredMessage(long conversationId, long seq, UUID clientId, String sender, String text,
        Instant sentAt, MessageStatus status, String failure) {
    public StoredMessage(long conversationId, long seq, UUID clientId, String sender, String text, Instant sentAt,
            MessageStatus status) {
        this(conversationId, seq, clientId, sender, text, sentAt, status, null);
    }
}
