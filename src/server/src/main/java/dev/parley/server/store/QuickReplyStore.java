package dev.parley.server.store;

import dev.parley.protocol.QuickReply;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Each person's quick replies and the custom fields they keep about their contacts. */
public interface QuickReplyStore {

    List<QuickReply> list(long ownerId);

    /**
     * Creates (id null, placed last) or changes a quick reply. {@code conflict} for a name the owner already uses
     * or beyond {@link dev.parley.protocol.Limits#MAX_QUICK_REPLIES}; {@code not_found} for an id not theirs.
     */
    CompletableFuture<QuickReply> save(long ownerId, Long id, String name, String text, Instant now);

    /** {@code not_found} for an id that is not theirs. */
    CompletableFuture<Void> delete(long ownerId, long id);

    /** {@code bad_request} unless {@code ids} names each of the owner's quick replies exactly once. */
    CompletableFuture<Void> order(long ownerId, List<Long> ids);

    Map<String, String> fields(long ownerId, long contactId);

    CompletableFuture<Void> setFields(long ownerId, long contactId, Map<String, String> fields);
}
