package dev.parley.server.media;

import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.MediaType;
import dev.parley.protocol.ProtocolException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Uploads in progress, per user and in memory: a user who reconnects and begins the same content again
 * (same SHA-256 and size) resumes where the server's copy ends. Each user may have a bounded number of
 * uploads and declared bytes in progress; uploads left idle expire and their partial files are deleted.
 */
final class Uploads {
    static final int MAX_UPLOADS_PER_USER = 8;
    static final long MAX_PARTIAL_BYTES_PER_USER = 512L * 1024 * 1024;
    static final Duration IDLE_EXPIRY = Duration.ofHours(24);

    private record Key(long userId, String sha256) {
    }

    private final MediaFiles files;
    private final Map<UUID, Upload> byId = new HashMap<>();
    private final Map<Key, Upload> byContent = new HashMap<>();

    Uploads(MediaFiles files) {
        this.files = files;
    }

    /** The user's upload of this content: the one in progress, or a new one (checked against the caps). */
    synchronized Upload begin(long userId, String sha256, long size, MediaType type, boolean alreadyStored,
            Instant now) {
        expire(now.minus(IDLE_EXPIRY));
        Upload existing = byContent.get(new Key(userId, sha256));
        if (existing != null && existing.size() == size && existing.type() == type
                && existing.alreadyStored() == alreadyStored) {
            existing.touch(now);
            return existing;
        }
        if (existing != null) {
            discard(existing);
        }
        if (!alreadyStored) {
            List<Upload> mine = byId.values().stream().filter(u -> u.userId() == userId && !u.alreadyStored())
                    .toList();
            if (mine.size() >= MAX_UPLOADS_PER_USER) {
                throw new ProtocolException(ErrorCode.RATE_LIMITED, "too many uploads in progress (at most "
                        + MAX_UPLOADS_PER_USER + "); finish one first");
            }
            if (mine.stream().mapToLong(Upload::reservedBytes).sum() + size > MAX_PARTIAL_BYTES_PER_USER) {
                throw new ProtocolException(ErrorCode.TOO_LARGE, "uploads in progress would exceed "
                        + MAX_PARTIAL_BYTES_PER_USER + " bytes; finish one first");
            }
        }
        UUID id = UUID.randomUUID();
        Upload upload = new Upload(id, userId, sha256, size, type, files.partial(id), alreadyStored, now);
        byId.put(id, upload);
        byContent.put(new Key(userId, sha256), upload);
        return upload;
    }

    /** The user's upload with this id; empty for an unknown id and for someone else's (never told apart). */
    synchronized Optional<Upload> find(UUID uploadId, long userId) {
        return Optional.ofNullable(byId.get(uploadId)).filter(upload -> upload.userId() == userId);
    }

    /** Takes the upload out of progress (to commit it); false if another commit took it first. */
    synchronized boolean take(Upload upload) {
        if (byId.remove(upload.id()) == null) {
            return false;
        }
        byContent.remove(new Key(upload.userId(), upload.sha256()), upload);
        return true;
    }

    /** Takes the upload out of progress and deletes its partial file. */
    synchronized void discard(Upload upload) {
        take(upload);
        files.delete(upload.file());
    }

    private void expire(Instant cutoff) {
        List<Upload> idle = new ArrayList<>();
        byId.values().stream().filter(upload -> upload.idleSince(cutoff)).forEach(idle::add);
        idle.forEach(this::discard);
    }
}
