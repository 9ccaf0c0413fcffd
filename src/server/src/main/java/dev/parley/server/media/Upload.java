package dev.parley.server.media;

import dev.parley.protocol.MediaType;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

/**
 * One upload in progress: whose it is, what it claims to be, and how many bytes have arrived in order.
 * Chunks for it are appended one at a time while holding its lock (two connections of the same user may
 * both send to it after a reconnect).
 */
final class Upload {
    private final UUID id;
    private final long userId;
    private final String sha256;
    private final long size;
    private final MediaType type;
    private final Path file;
    /** True when the user already has this content stored: no bytes need to come. */
    private final boolean alreadyStored;
    private long offset;
    private Instant touched;

    Upload(UUID id, long userId, String sha256, long size, MediaType type, Path file, boolean alreadyStored,
            Instant now) {
        this.id = id;
        this.userId = userId;
        this.sha256 = sha256;
        this.size = size;
        this.type = type;
        this.file = file;
        this.alreadyStored = alreadyStored;
        this.offset = alreadyStored ? size : 0;
        this.touched = now;
    }

    UUID id() {
        return id;
    }

    long userId() {
        return userId;
    }

    String sha256() {
        return sha256;
    }

    long size() {
        return size;
    }

    MediaType type() {
        return type;
    }

    Path file() {
        return file;
    }

    boolean alreadyStored() {
        return alreadyStored;
    }

    synchronized long offset() {
        return offset;
    }

    synchronized void advance(long bytes, Instant now) {
        offset += bytes;
        touched = now;
    }

    synchronized void touch(Instant now) {
        touched = now;
    }

    synchronized boolean idleSince(Instant cutoff) {
        return touched.isBefore(cutoff);
    }

    /** Bytes this upload may still take on disk (its declared size, or none if already stored). */
    long reservedBytes() {
        return alreadyStored ? 0 : size;
    }
}
