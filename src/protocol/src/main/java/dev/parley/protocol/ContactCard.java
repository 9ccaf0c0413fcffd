package dev.parley.protocol;

import java.time.Instant;
import java.util.List;

/**
 * What one person privately keeps about a contact: labels (for segments) and a note. {@code optedOutAt} tells the
 * owner when that contact opted out of their broadcasts (null if never); only the server sets it.
 */
public record ContactCard(String handle, List<String> labels, String note, Instant optedOutAt) {
    public ContactCard {
        labels = labels == null ? List.of() : List.copyOf(labels);
        note = note == null ? "" : note;
    }
}
