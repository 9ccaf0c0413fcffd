package dev.parley.protocol;

import java.util.List;

/**
 * A saved filter over the owner's contacts (people they have a direct chat with, and friends): any of
 * {@code labels} (none: any contact), friends only, and "messaged me in the last N days". The server evaluates it
 * when a broadcast is previewed or sent.
 */
public record Segment(long id, String name, List<String> labels, boolean friendsOnly, Integer messagedWithinDays) {
    public Segment {
        labels = labels == null ? List.of() : List.copyOf(labels);
    }
}
