package dev.parley.server.store.sqlite;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.protocol.GroupChange;

/** A system line's {@link GroupChange} as the JSON kept in {@code messages.change}. */
final class GroupChanges {
    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private GroupChanges() {
    }

    static String write(GroupChange change) {
        try {
            return JSON.writeValueAsString(change);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a group change", e);
        }
    }

    /** The change of a stored row, or null for rows that are not system lines. */
    static GroupChange read(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, GroupChange.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored group change is not readable: " + json, e);
        }
    }
}
