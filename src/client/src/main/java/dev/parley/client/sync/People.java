package dev.parley.client.sync;

import dev.parley.client.net.ServerConnection;
import dev.parley.protocol.ProtocolException;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
import dev.parley.protocol.UserProfile;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Profiles and people: search, profile cards, following, editing one's own profile, and pictures (fetched once
 * per hash, then read from the cache). Every request and every disk access runs on the session's I/O thread.
 */
public final class People {
    private final ServerConnection connection;
    private final Executor io;
    private final AvatarCache cache;

    People(ServerConnection connection, Executor io, Path cacheDir) {
        this.connection = connection;
        this.io = io;
        this.cache = new AvatarCache(cacheDir);
    }

    /** One page of people matching a name, {@code @handle} or {@code #tag}. */
    public CompletableFuture<Reply.SearchResults> search(String query, int page, int limit) {
        return request(() -> new Request.UserSearch(query, page, limit), Reply.SearchResults.class);
    }

    public CompletableFuture<Reply.ProfileCard> card(String handle) {
        return request(() -> new Request.UserCard(handle), Reply.ProfileCard.class);
    }

    public CompletableFuture<UserProfile> profile(String handle) {
        return request(() -> new Request.UserGet(handle), UserProfile.class);
    }

    public CompletableFuture<Reply.Relationship> follow(String handle, boolean follow) {
        return request(() -> follow ? new Request.UserFollow(handle) : new Request.UserUnfollow(handle),
                Reply.Relationship.class);
    }

    /** Changes the user's own profile; the request record validates it first (bad input fails the future). */
    public CompletableFuture<UserProfile> update(Request.ProfileUpdate update) {
        return request(() -> update, UserProfile.class);
    }

    /** Sets the user's picture from prepared JPEG bytes, or removes it with null. */
    public CompletableFuture<UserProfile> setPicture(byte[] jpeg) {
        return request(() -> new Request.ProfileAvatar(jpeg == null ? null : Base64.getEncoder().encodeToString(jpeg)),
                UserProfile.class);
    }

    /** The picture with this hash: from the cache, else fetched from the server and cached by its hash. */
    public CompletableFuture<byte[]> picture(String handle, String hash) {
        return CompletableFuture.supplyAsync(() -> cache.get(hash), io).thenCompose(cached -> cached.isPresent()
                ? CompletableFuture.completedFuture(cached.get())
                : request(() -> new Request.UserAvatar(handle), Reply.AvatarImage.class)
                        .thenApplyAsync(reply -> {
                            byte[] bytes = Base64.getDecoder().decode(reply.image());
                            cache.put(reply.avatar(), bytes);
                            if (!reply.avatar().equals(hash)) {
                                // They changed their picture since: these bytes are not the picture asked for.
                                throw new java.util.concurrent.CompletionException(new IllegalStateException(
                                        "@" + handle + " has a new picture"));
                            }
                            return bytes;
                        }, io));
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
