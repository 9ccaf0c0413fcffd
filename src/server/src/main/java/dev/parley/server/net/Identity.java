package dev.parley.server.net;

/** Who a connection is signed in as, and through which device session. */
public record Identity(long userId, String handle, long sessionId) {
}
