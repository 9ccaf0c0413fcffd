package dev.parley.protocol;

import java.time.Instant;
import java.util.UUID;

/** A stored message: its place in the conversation ({@code seq}), author, the sender's client id and text. */
public record Message(long conversationId, long seq, String sender, UUID clientId, String text, Instant sentAt) {
}
