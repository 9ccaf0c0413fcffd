package dev.parley.client.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.protocol.Poll;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The {@code polls} table: each poll's latest results and this device's own vote. */
final class PollRows {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CacheSql jdbc;

    PollRows(CacheSql jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Results for poll {@code pollSeq} as of seq {@code at} (the poll message itself, or a {@code poll_update}
     * event): they replace what the cache holds only when that is older, so events applied in any order converge.
     */
    void results(long conversationId, long pollSeq, long at, Poll poll) {
        jdbc.update("INSERT INTO polls (conversation_id, seq, poll, updated_seq) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (conversation_id, seq) DO UPDATE SET poll = excluded.poll,"
                + " updated_seq = excluded.updated_seq WHERE polls.updated_seq < excluded.updated_seq",
                conversationId, pollSeq, write(poll), at);
    }

    /** This device voted for {@code options} (empty: retracted). */
    void voted(long conversationId, long seq, List<Integer> options) {
        jdbc.update("UPDATE polls SET mine = ? WHERE conversation_id = ? AND seq = ?", write(options), conversationId,
                seq);
    }

    Optional<StoredPoll> of(long conversationId, long seq) {
        return jdbc.query("SELECT poll, mine FROM polls WHERE conversation_id = ? AND seq = ?",
                row -> new StoredPoll(read(row.getString(1), Poll.class),
                        Set.copyOf(read(row.getString(2), new TypeReference<List<Integer>>() { }))),
                conversationId, seq).stream().findFirst();
    }

    void deleteConversation(long conversationId) {
        jdbc.update("DELETE FROM polls WHERE conversation_id = ?", conversationId);
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a poll", e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a cached poll is not readable", e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a cached poll is not readable", e);
        }
    }
}
