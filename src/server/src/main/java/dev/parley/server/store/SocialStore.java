package dev.parley.server.store;

import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
import dev.parley.protocol.UserProfile;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Follows, blocks, privacy settings and message-request decisions. Writes complete after commit. */
public interface SocialStore {

    CompletableFuture<Void> follow(long followerId, long followeeId, Instant now);

    CompletableFuture<Void> unfollow(long followerId, long followeeId);

    CompletableFuture<Void> block(long blockerId, long blockedId, Instant now);

    CompletableFuture<Void> unblock(long blockerId, long blockedId);

    List<UserProfile> blocked(long blockerId);

    /** The user's friends (each follows the other), by handle. */
    List<UserProfile> friends(long userId);

    /** People matching a query, ranked, hiding the viewer and anyone blocked either way; limit + 1 rows at most. */
    List<UserProfile> search(long viewerId, String query, int offset, int limit);

    /** People with a tag starting with {@code tag}: exact tag first, then the most followed; as {@link #search}. */
    List<UserProfile> searchTag(long viewerId, String tag, int offset, int limit);

    /** True when {@code blockerId} has blocked {@code blockedId}. */
    boolean blocks(long blockerId, long blockedId);

    Reply.Relationship relationship(long viewerId, long otherId, String otherHandle);

    Reply.Privacy privacy(long userId);

    /** Applies the fields the change names; completes with the settings after commit. */
    CompletableFuture<Reply.Privacy> setPrivacy(long userId, Request.PrivacySet change);

    /** Friends who see the user's presence: both follow each other and both share presence with friends. */
    List<UserRef> presenceAudience(long userId);

    /** Whether the two see each other's read position: both share read receipts and neither blocked the other. */
    boolean sharesReceipts(long userId, long otherId);

    /**
     * Accepts (or declines) a message request addressed to the user, recording the decision and its time for
     * insights; fails with not_found if there is none.
     */
    CompletableFuture<Void> decideRequest(long conversationId, long userId, boolean accept, Instant now);
}
