package dev.parley.server.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Accounts and device sessions. Writes complete only after their transaction has committed. */
public interface AccountStore {

    /** Creates a user; fails with {@code conflict} when the handle is taken. */
    CompletableFuture<UserRecord> createUser(String handle, String displayName, String passwordHash, Instant now);

    Optional<UserRecord> findByHandle(String handle);

    Optional<UserRecord> findById(long userId);

    CompletableFuture<SessionRecord> createSession(long userId, byte[] tokenHash, String device, Instant now);

    Optional<SessionRecord> findSession(byte[] tokenHash);

    List<SessionRecord> sessions(long userId);

    /** Deletes one of the user's sessions; completes with false when the user has no such session. */
    CompletableFuture<Boolean> deleteSession(long userId, long sessionId);

    CompletableFuture<Void> touchSession(long sessionId, Instant now);

    /**
     * Stores a new password hash and deletes the user's sessions other than {@code keptSessionId}, in one
     * transaction; completes with the ids of the deleted sessions.
     */
    CompletableFuture<List<Long>> changePassword(long userId, String passwordHash, long keptSessionId);
}
