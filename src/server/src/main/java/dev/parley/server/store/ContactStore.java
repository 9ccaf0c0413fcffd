package dev.parley.server.store;

import dev.parley.protocol.ContactCard;
import dev.parley.protocol.Request;
import dev.parley.protocol.Segment;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Each person's labels and notes about their contacts, and their segments (saved filters over those labels). */
public interface ContactStore {

    ContactCard card(long ownerId, long contactId);

    CompletableFuture<ContactCard> setCard(long ownerId, long contactId, List<String> labels, String note);

    /** Every label the owner has used, most used first. */
    List<String> labels(long ownerId);

    /** The owner's segments by name. */
    List<Segment> segments(long ownerId);

    /** {@code conflict} for a name in use or beyond the limit; {@code not_found} for an id not theirs. */
    CompletableFuture<Segment> saveSegment(long ownerId, Request.SegmentSave segment, Instant now);

    /** {@code not_found} for an id not theirs. */
    CompletableFuture<Void> deleteSegment(long ownerId, long id);
}
