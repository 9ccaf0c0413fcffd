package dev.parley.server.media;

import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Event;
import dev.parley.protocol.MediaItem;
import dev.parley.protocol.ProtocolException;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
import dev.parley.protocol.UploadChunk;
import dev.parley.server.net.ChunkHandler;
import dev.parley.server.net.Identity;
import dev.parley.server.store.MediaStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Photo, GIF and video uploads and downloads. Uploads arrive in order in chunks; {@code media.commit}
 * checks the bytes (SHA-256, magic bytes, image header and decode) and only then publishes them into the
 * content-addressed store, so a refused upload leaves nothing behind. Runs on the worker pool, never on
 * WebSocket threads.
 */
public final class MediaService implements ChunkHandler {
    private static final Logger log = LoggerFactory.getLogger(MediaService.class);
    /** Images decoded at once: each may hold a few megabytes of pixels while it is checked. */
    private static final int DECODES_AT_ONCE = 2;

    private final MediaFiles files;
    private final Uploads uploads;
    private final MediaStore store;
    private final Clock clock;
    private final Semaphore decodes = new Semaphore(DECODES_AT_ONCE);

    public MediaService(Path dataDir, MediaStore store, Clock clock) {
        this.files = new MediaFiles(dataDir);
        this.uploads = new Uploads(files);
        this.store = store;
        this.clock = clock;
    }

    /** Starts or resumes an upload; the offset is {@code size} when the caller already stored this content. */
    public Reply.UploadStarted begin(Identity me, Request.MediaBegin request) {
        boolean alreadyStored = store.owns(me.userId(), request.sha256()) && files.isStored(request.sha256());
        Upload upload = uploads.begin(me.userId(), request.sha256(), request.size(), request.mediaType(),
                alreadyStored, clock.instant());
        return new Reply.UploadStarted(upload.id(), upload.offset());
    }

    @Override
    public Event receive(Identity me, UploadChunk chunk) {
        Upload upload = uploads.find(chunk.uploadId(), me.userId()).orElse(null);
        if (upload == null) {
            return new Event.UploadRefused(chunk.uploadId(), null, ErrorCode.NOT_FOUND, "no such upload");
        }
        synchronized (upload) {
            long offset = upload.offset();
            if (chunk.offset() != offset) {
                return new Event.UploadRefused(upload.id(), offset, ErrorCode.CONFLICT,
                        "expected a chunk at offset " + offset + ", not " + chunk.offset());
            }
            int length = chunk.data().remaining();
            if (offset + length > upload.size()) {
                return new Event.UploadRefused(upload.id(), offset, ErrorCode.TOO_LARGE,
                        "the chunk goes past the declared size of " + upload.size() + " bytes");
            }
            try {
                files.append(upload.file(), offset, chunk.data());
            } catch (IOException e) {
                log.error("appending to upload {} of user {} failed", upload.id(), me.userId(), e);
                return new Event.UploadRefused(upload.id(), offset, ErrorCode.INTERNAL, "the chunk could not be stored");
            }
            upload.advance(length, clock.instant());
            return new Event.UploadProgress(upload.id(), upload.offset());
        }
    }

    /**
     * Checks a complete upload and publishes it. A refused upload is discarded with its partial file: the
     * client begins again. An incomplete one stays, so the client can send the rest.
     */
    /** Drops one of the caller's uploads in progress with its bytes; {@code not_found} like a commit would be. */
    public Reply.Empty abort(Identity me, Request.MediaAbort request) {
        Upload upload = uploads.find(request.uploadId(), me.userId())
                .orElseThrow(() -> ProtocolException.notFound("no such upload"));
        uploads.discard(upload);
        log.debug("upload {} of user {} given up", upload.id(), me.userId());
        return new Reply.Empty();
    }

    public CompletableFuture<MediaItem> commit(Identity me, Request.MediaCommit request) {
        Upload upload = uploads.find(request.uploadId(), me.userId())
                .orElseThrow(() -> ProtocolException.notFound("no such upload"));
        if (upload.offset() < upload.size()) {
            throw ProtocolException.badRequest("the upload is incomplete: " + upload.offset() + " of "
                    + upload.size() + " bytes arrived");
        }
        if (!uploads.take(upload)) {
            throw ProtocolException.notFound("no such upload");
        }
        if (upload.alreadyStored()) {
            return CompletableFuture.completedFuture(store.find(upload.sha256())
                    .orElseThrow(() -> ProtocolException.notFound("no such upload")));
        }
        MediaItem item;
        try {
            item = checkAndPublish(upload);
        } catch (ProtocolException e) {
            log.info("upload {} of user {} refused: {}", upload.id(), me.userId(), e.getMessage());
            files.delete(upload.file());
            throw e;
        } catch (IOException | RuntimeException e) {
            // Anything unexpected (e.g. no reader for a format) must not leave the bytes behind either.
            log.error("upload {} of user {} could not be stored", upload.id(), me.userId(), e);
            files.delete(upload.file());
            throw MediaFiles.storageFailure();
        }
        return store.record(item, me.userId(), clock.instant());
    }

    private MediaItem checkAndPublish(Upload upload) throws IOException {
        if (!MediaFiles.sha256(upload.file()).equals(upload.sha256())) {
            throw ProtocolException.badRequest("the content does not match its sha256");
        }
        ContentCheck.Dimensions dimensions = checkContent(upload);
        files.publish(upload.file(), upload.sha256());
        return new MediaItem(upload.sha256(), upload.type().mime(), upload.size(),
                dimensions == null ? null : dimensions.width(), dimensions == null ? null : dimensions.height());
    }

    private ContentCheck.Dimensions checkContent(Upload upload) throws IOException {
        decodes.acquireUninterruptibly();
        try {
            return ContentCheck.check(upload.file(), upload.type());
        } finally {
            decodes.release();
        }
    }

    /** A range of media the caller may see; anything else is {@code not_found}, existing or not. */
    public Reply.MediaData read(Identity me, Request.MediaGet request) {
        MediaItem item = store.find(request.mediaId())
                .filter(found -> store.canSee(me.userId(), found.mediaId()))
                .orElseThrow(() -> ProtocolException.notFound("no such media"));
        if (request.offset() >= item.size()) {
            throw ProtocolException.badRequest("'offset' is past the end of the media (" + item.size() + " bytes)");
        }
        try {
            return new Reply.MediaData(item.mediaId(), request.offset(), item.size(),
                    files.read(item.mediaId(), request.offset(), request.length()));
        } catch (IOException e) {
            log.error("reading media {} failed", item.mediaId(), e);
            throw new ProtocolException(ErrorCode.INTERNAL, "the media could not be read");
        }
    }
}
