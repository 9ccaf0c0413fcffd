package dev.parley.server.store;

/** A user named by id (for delivery) and handle (for the wire). */
public record UserRef(long id, String handle) {
}
