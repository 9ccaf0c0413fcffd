package dev.parley.client.sync;

import dev.parley.client.net.ServerConnection;
import dev.parley.protocol.ConversationSummary;
import dev.parley.protocol.GroupRole;
import dev.parley.protocol.ProtocolException;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Group chats as the user acts on them: creating a group, listing its members. The server decides who may do
 * what; this only asks. Requests and the cache run on the session's I/O thread; a group the server answers with
 * goes into the cache and the inbox through {@code onSummary}.
 */
public final class Groups {
    private final ServerConnection connection;
    private final Executor io;
    private final Consumer<ConversationSummary> onSummary;
    private final AvatarCache pictures;

    Groups(ServerConnection connection, Executor io, java.nio.file.Path cacheDir,
            Consumer<ConversationSummary> onSummary) {
        this.connection = connection;
        this.io = io;
        this.onSummary = onSummary;
        this.pictures = new AvatarCache(cacheDir);
    }

    /** The group's picture with this hash: from the cache (pictures are kept by hash), else from the server. */
    public CompletableFuture<byte[]> picture(long conversationId, String hash) {
        return CompletableFuture.supplyAsync(() -> pictures.get(hash), io).thenCompose(cached -> cached.isPresent()
                ? CompletableFuture.completedFuture(cached.get())
                : request(() -> new Request.GroupAvatarGet(conversationId), Reply.GroupAvatarImage.class)
                        .thenApplyAsync(reply -> {
                            byte[] bytes = Base64.getDecoder().decode(reply.image());
                            pictures.put(reply.avatar(), bytes);
                            if (!reply.avatar().equals(hash)) {
                                throw new java.util.concurrent.CompletionException(new IllegalStateException(
                                        "the group has a new picture"));
                            }
                            return bytes;
                        }, io));
    }

    /**
     * Creates a group with the user as owner. The reply says who was added and who was refused and why; the
     * group is in the inbox when the future completes. Bad input (an empty title) fails the future at once.
     */
    public CompletableFuture<Reply.GroupMembership> create(String title, String description, List<String> members) {
        UUID clientId = UUID.randomUUID();
        return request(() -> new Request.GroupCreate(clientId, title, description, members),
                Reply.GroupMembership.class)
                .thenApplyAsync(reply -> {
                    onSummary.accept(reply.conversation());
                    return reply;
                }, io);
    }

    /** Sets the group's picture from prepared JPEG bytes (owners and admins). */
    public CompletableFuture<Reply.GroupChanged> setPicture(long conversationId, byte[] jpeg) {
        return request(() -> new Request.GroupAvatar(conversationId,
                jpeg == null ? null : Base64.getEncoder().encodeToString(jpeg)), Reply.GroupChanged.class)
                .thenApplyAsync(reply -> {
                    onSummary.accept(reply.conversation());
                    return reply;
                }, io);
    }

    /** The user's friends (mutual follows), by handle: the people a group can be made with. */
    public CompletableFuture<List<dev.parley.protocol.UserProfile>> friends() {
        return request(Request.FriendList::new, Reply.Users.class).thenApply(Reply.Users::users);
    }

    /** Adds people (owners and admins); the reply lists who was refused and why. */
    public CompletableFuture<Reply.GroupMembership> add(long conversationId, List<String> members) {
        return request(() -> new Request.GroupAdd(conversationId, members), Reply.GroupMembership.class)
                .thenApplyAsync(reply -> {
                    onSummary.accept(reply.conversation());
                    return reply;
                }, io);
    }

    /** Removes a member (owners, and admins for members). */
    public CompletableFuture<Reply.GroupChanged> remove(long conversationId, String handle) {
        return changed(() -> new Request.GroupRemove(conversationId, handle));
    }

    /** The user leaves the group; its history stays on this device. */
    public CompletableFuture<Reply.GroupChanged> leave(long conversationId) {
        return changed(() -> new Request.GroupLeave(conversationId));
    }

    /** Makes a member an admin, or an admin a member again. */
    public CompletableFuture<Reply.GroupChanged> setRole(long conversationId, String handle, GroupRole role) {
        return changed(() -> new Request.GroupRoleSet(conversationId, handle, role));
    }

    /** Renames the group and/or changes its description (null: unchanged; empty description: removed). */
    public CompletableFuture<Reply.GroupChanged> update(long conversationId, String title, String description) {
        return changed(() -> new Request.GroupUpdate(conversationId, title, description));
    }

    /** Mutes or unmutes a member. */
    public CompletableFuture<Reply.GroupMember> mute(long conversationId, String handle, boolean muted) {
        return request(() -> new Request.GroupMute(conversationId, handle, muted), Reply.GroupMember.class);
    }

    private CompletableFuture<Reply.GroupChanged> changed(Supplier<Request> request) {
        return request(request, Reply.GroupChanged.class).thenApplyAsync(reply -> {
            onSummary.accept(reply.conversation());
            return reply;
        }, io);
    }

    /** The group's current members with their roles: owner first, then admins, then members. */
    public CompletableFuture<Reply.GroupMembers> members(long conversationId) {
        return request(() -> new Request.GroupMembers(conversationId), Reply.GroupMembers.class);
    }

    private <T> CompletableFuture<T> request(Supplier<Request> request, Class<T> reply) {
        CompletableFuture<Request> built;
        try {
            built = CompletableFuture.completedFuture(request.get());
        } catch (ProtocolException e) {
            return CompletableFuture.failedFuture(e);
        }
        return built.thenComposeAsync(r -> connection.request(r, reply), io);
    }
}
