package dev.parley.client.store;

/** Where an own message is on its way; messages from others are always {@link #SENT}. */
public enum MessageStatus {
    /** In the outbox: not yet acknowledged by the server. */
    SENDING,
    /** Stored by the server. */
    SENT,
    /** The server refused it; the user may retry. */
    FAILED
}
