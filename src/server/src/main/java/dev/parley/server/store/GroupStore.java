package dev.parley.server.store;

import dev.parley.protocol.GroupRole;
import dev.parley.protocol.Reply;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Groups: creating them, their members and roles, title, description and picture. Every write checks the
 * actor's role inside its transaction and appends the system lines that record it; writes complete only after
 * their transaction has committed.
 */
public interface GroupStore {

    /**
     * What a group write did: the lines it appended (each with the people to deliver it to, which includes
     * someone it removed), who it added, and who it refused and why.
     */
    record GroupWrite(long conversationId, List<Appended> lines, List<String> added, List<Reply.Refusal> refused) {
        public GroupWrite(long conversationId, List<Appended> lines) {
            this(conversationId, lines, List.of(), List.of());
        }
    }

    /** Creates a group owned by {@code ownerId}; a resent {@code clientId} answers the group it created. */
    CompletableFuture<GroupWrite> create(long ownerId, UUID clientId, String title, String description,
            List<String> handles, Instant now);

    CompletableFuture<GroupWrite> add(long conversationId, long actorId, List<String> handles, Instant now);

    CompletableFuture<GroupWrite> remove(long conversationId, long actorId, String handle, Instant now);

    /** The user leaves; an owner's ownership passes to the longest-standing admin, else member. */
    CompletableFuture<GroupWrite> leave(long conversationId, long userId, Instant now);

    CompletableFuture<GroupWrite> setRole(long conversationId, long actorId, String handle, GroupRole role,
            Instant now);

    /** Changes the title and/or description (null: unchanged; empty description: removed). */
    CompletableFuture<GroupWrite> update(long conversationId, long actorId, String title, String description,
            Instant now);

    /** Sets the group's picture (stored once per hash), or removes it when {@code picture} is null. */
    CompletableFuture<GroupWrite> setPicture(long conversationId, long actorId, ProfileStore.Picture picture,
            Instant now);

    CompletableFuture<Reply.GroupMember> mute(long conversationId, long actorId, String handle, boolean muted);

    /** The current members, for a current member. */
    Reply.GroupMembers members(long conversationId, long userId);

    /** The group's picture, for a current member; empty when it has none. */
    Optional<ProfileStore.Picture> picture(long conversationId, long userId);
}
