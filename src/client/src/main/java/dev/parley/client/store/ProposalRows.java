package dev.parley.client.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.parley.protocol.Proposal;
import dev.parley.protocol.ProposalStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code proposal_status} table: each proposal's status as the server last told it. A proposal leaves pending
 * once, so an answer is never replaced by an older "pending", whatever order messages and events arrive in.
 */
final class ProposalRows {
    /** Offers and proposals are kept as JSON with ISO instants, as on the wire. */
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL).build();

    private final CacheSql jdbc;

    ProposalRows(CacheSql jdbc) {
        this.jdbc = jdbc;
    }

    /** The server said proposal {@code seq} stands as {@code proposal} says. */
    void status(long conversationId, long seq, Proposal proposal) {
        jdbc.update("INSERT INTO proposal_status (conversation_id, seq, status, status_at) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (conversation_id, seq) DO UPDATE SET status = excluded.status,"
                + " status_at = excluded.status_at WHERE proposal_status.status = 'pending'",
                conversationId, seq, proposal.status().wireName(),
                proposal.statusAt() == null ? null : proposal.statusAt().toEpochMilli());
    }

    /** The proposal with the status the cache holds for it. */
    Proposal current(long conversationId, long seq, Proposal content) {
        Optional<Proposal> known = jdbc.query("SELECT status, status_at FROM proposal_status WHERE conversation_id = ?"
                + " AND seq = ?", row -> {
                    long at = row.getLong(2);
                    return content.withStatus(ProposalStatus.fromWire(row.getString(1)),
                            row.wasNull() ? null : Instant.ofEpochMilli(at));
                }, conversationId, seq).stream().findFirst();
        return known.orElse(content);
    }

    /** An offer or a proposal as kept in {@code messages}; null stays null. */
    static String write(Object carried) {
        try {
            return carried == null ? null : JSON.writeValueAsString(carried);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot keep an offer or a proposal", e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return json == null ? null : JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot read a kept offer or proposal", e);
        }
    }

    void deleteConversation(long conversationId) {
        jdbc.update("DELETE FROM proposal_status WHERE conversation_id = ?", conversationId);
    }
}
