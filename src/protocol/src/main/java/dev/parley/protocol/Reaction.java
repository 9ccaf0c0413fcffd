package dev.parley.protocol;

import java.util.List;

/** One emoji on a message and who put it there (handles, in the order they reacted). */
public record Reaction(String emoji, List<String> handles) {
    public Reaction {
        handles = handles == null ? List.of() : List.copyOf(handles);
    }
}
