package dev.parley.server.bus;

import dev.parley.protocol.Event;

/**
 * Delivery fan-out: an event for a user reaches every connection of that user, on whichever node it is.
 * In-process by default; a Redis implementation serves multi-node deployments.
 */
public interface Bus {
    /** Delivers an event to every online session of a user. Events for one user keep their order. */
    void publish(long userId, Event event);

    /** Delivers one event to every online session of each of the users (a group's members). */
    default void publish(java.util.Collection<Long> userIds, Event event) {
        userIds.forEach(userId -> publish(userId, event));
    }
}
