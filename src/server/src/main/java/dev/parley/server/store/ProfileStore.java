package dev.parley.server.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Profile fields, niche tags, pictures and follower counts. Writes complete after commit. */
public interface ProfileStore {

    /** A stored picture, as the server re-encoded it. */
    record Picture(String hash, String mime, byte[] bytes) {
    }

    /** Followers and followed people of one user. */
    record Counts(int followers, int following) {
    }

    /** Changes the fields that are not null; {@code tags} replaces the whole set. */
    CompletableFuture<Void> update(long userId, String displayName, String bio, List<String> tags);

    /** Sets the user's picture (stored once per hash), or removes it when {@code picture} is null. */
    CompletableFuture<Void> setPicture(long userId, Picture picture, Instant now);

    Optional<Picture> picture(String hash);

    Counts counts(long userId);
}
