package dev.parley.client.media;

import dev.parley.protocol.Limits;
import dev.parley.protocol.MediaType;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.jcodec.api.FrameGrab;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.Picture;
import org.jcodec.scale.AWTUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares a video a person drops or attaches: MP4 or WebM by its magic bytes (not its name), at most
 * {@link Limits#MAX_VIDEO_BYTES}, and with a poster frame when the first frame can be decoded (H.264 MP4s, in pure
 * Java). Frames are never re-encoded; an MP4 is copied with its metadata (location, camera) blanked out, see
 * {@link Mp4Metadata}. Everything streams: a 200 MB video is never in memory. Slow: call it off the FX thread.
 */
public final class VideoPipeline {
    private static final Logger log = LoggerFactory.getLogger(VideoPipeline.class);
    private static final byte[] FTYP = "ftyp".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EBML = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3};

    /** The kind of video the file's first bytes say it is; empty for anything else. */
    public static Optional<MediaType> sniff(Path file) {
        byte[] head = new byte[12];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (read >= 8 && Arrays.equals(head, 4, 8, FTYP, 0, 4)) {
            return Optional.of(MediaType.MP4);
        }
        if (read >= 4 && Arrays.equals(head, 0, 4, EBML, 0, 4)) {
            return Optional.of(MediaType.WEBM);
        }
        return Optional.empty();
    }

    public PreparedVideo prepare(Path file) throws PhotoRejected {
        String name = String.valueOf(file.getFileName());
        MediaType type = sniff(file).orElseThrow(
                () -> new PhotoRejected(PhotoRejected.Reason.NOT_AN_IMAGE, name + " has no video signature"));
        try {
            long size = Files.size(file);
            if (size > Limits.MAX_VIDEO_BYTES) {
                throw new PhotoRejected(PhotoRejected.Reason.VIDEO_TOO_LARGE, name + " has " + size + " bytes");
            }
            if (type != MediaType.MP4) {
                return new PreparedVideo(file, type, size, Sha256.of(file), poster(file, name), false);
            }
            Path copy = Files.createTempFile("parley-video-", ".mp4");
            copy.toFile().deleteOnExit();
            try {
                Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                int blanked = Mp4Metadata.strip(copy);
                log.debug("{}: {} metadata boxes removed", name, blanked);
                return new PreparedVideo(copy, type, size, Sha256.of(copy), poster(copy, name), true);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(copy);
                throw e;
            }
        } catch (IOException e) {
            throw new PhotoRejected(PhotoRejected.Reason.UNREADABLE, name + ": " + e, e);
        }
    }

    /** The first frame as a thumbnail, or null when it cannot be decoded here (a WebM, an unusual codec). */
    private static PreparedPhoto.Thumbnail poster(Path file, String name) {
        try (SeekableByteChannel channel = NIOUtils.readableChannel(file.toFile())) {
            Picture frame = FrameGrab.createFrameGrab(channel).getNativeFrame();
            if (frame == null) {
                return null;
            }
            BufferedImage image = AWTUtil.toBufferedImage(frame);
            if ((long) image.getWidth() * image.getHeight() > Limits.MAX_PHOTO_PIXELS) {
                return null;
            }
            return PhotoPipeline.thumbnail(image, false);
        } catch (Exception | StackOverflowError e) {
            // The grabber is for H.264 in MP4; anything else simply goes without a poster.
            log.debug("no poster frame for {}: {}", name, e.toString());
            return null;
        }
    }
}
