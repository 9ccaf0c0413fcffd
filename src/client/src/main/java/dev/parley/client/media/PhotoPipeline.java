package dev.parley.client.media;

import dev.parley.protocol.Limits;
import dev.parley.protocol.MediaType;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.imgscalr.Scalr;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares a photo a person drops, pastes or attaches for upload: checks its size and pixel count before
 * decoding, turns it upright by its EXIF orientation, strips every piece of metadata (GPS, camera, EXIF, XMP) by
 * re-encoding from pixels, downscales it for {@link PhotoQuality#STANDARD}, and makes a thumbnail. GIFs are sent
 * as they are, so their animation survives. Slow and memory-hungry: call it off the FX thread.
 */
public final class PhotoPipeline {
    /** Longest edge of a thumbnail, in pixels. */
    public static final int THUMBNAIL_EDGE = 320;
    private static final float JPEG_QUALITY = 0.85f;
    private static final Logger log = LoggerFactory.getLogger(PhotoPipeline.class);

    /** The photo in a file, prepared at one quality. */
    public PreparedPhoto prepare(Path file, PhotoQuality quality) throws PhotoRejected {
        return prepare(read(file), quality);
    }

    /** Picture data without a file (pasted from the clipboard); {@code name} is only for the log. */
    public PreparedPhoto prepare(byte[] bytes, String name, PhotoQuality quality) throws PhotoRejected {
        return prepare(source(bytes, name), quality);
    }

    /** The photo in a file at both qualities from one decode, for the tray to compare and send. */
    public PhotoChoices prepareBoth(Path file) throws PhotoRejected {
        return prepareBoth(read(file));
    }

    /** Picture data at both qualities from one decode; {@code name} is only for the log. */
    public PhotoChoices prepareBoth(byte[] bytes, String name) throws PhotoRejected {
        return prepareBoth(source(bytes, name));
    }

    private record Source(byte[] bytes, PictureFormat format, String name) {
    }

    private PreparedPhoto prepare(Source source, PhotoQuality quality) throws PhotoRejected {
        long start = System.nanoTime();
        if (source.format() == PictureFormat.GIF) {
            return gif(source);
        }
        BufferedImage upright = upright(source);
        boolean transparent = ImageCodec.hasTransparency(upright);
        BufferedImage scaled = fit(upright, quality.maxLongEdge());
        PreparedPhoto photo = encode(scaled, transparent, thumbnail(scaled, transparent));
        if (photo.size() > photo.type().maxBytes()) {
            throw new PhotoRejected(PhotoRejected.Reason.TOO_LARGE_FILE,
                    source.name() + " re-encodes to " + photo.size() + " bytes");
        }
        logPrepared(source, quality.name(), photo, start);
        return photo;
    }

    private PhotoChoices prepareBoth(Source source) throws PhotoRejected {
        long start = System.nanoTime();
        if (source.format() == PictureFormat.GIF) {
            PreparedPhoto gif = gif(source);
            return new PhotoChoices(gif, gif);
        }
        BufferedImage upright = upright(source);
        boolean transparent = ImageCodec.hasTransparency(upright);
        BufferedImage standardImage = fit(upright, PhotoQuality.STANDARD.maxLongEdge());
        PreparedPhoto.Thumbnail thumbnail = thumbnail(standardImage, transparent);
        PreparedPhoto standard = encode(standardImage, transparent, thumbnail);
        PreparedPhoto hd = standardImage == upright ? standard : encode(upright, transparent, thumbnail);
        if (hd.size() > hd.type().maxBytes()) {
            // Rare (a huge noisy PNG): HD cannot be uploaded, so both choices offer what can.
            log.info("{}: HD would be {} bytes, over the upload cap; offering Standard only", source.name(),
                    hd.size());
            hd = standard;
        }
        logPrepared(source, "both", hd, start);
        return new PhotoChoices(standard, hd);
    }

    private static Source read(Path file) throws PhotoRejected {
        String name = String.valueOf(file.getFileName());
        try {
            // Checked before reading a byte, so a huge file costs nothing.
            long size = Files.size(file);
            if (size > Limits.MAX_PHOTO_BYTES) {
                throw new PhotoRejected(PhotoRejected.Reason.TOO_LARGE_FILE, name + " has " + size + " bytes");
            }
            return source(Files.readAllBytes(file), name);
        } catch (IOException e) {
            throw new PhotoRejected(PhotoRejected.Reason.UNREADABLE, name + ": " + e, e);
        }
    }

    private static Source source(byte[] bytes, String name) throws PhotoRejected {
        if (bytes.length > Limits.MAX_PHOTO_BYTES) {
            throw new PhotoRejected(PhotoRejected.Reason.TOO_LARGE_FILE, name + " has " + bytes.length + " bytes");
        }
        PictureFormat format = PictureFormat.sniff(bytes).orElseThrow(
                () -> new PhotoRejected(PhotoRejected.Reason.NOT_AN_IMAGE, name + " has no picture signature"));
        if (format == PictureFormat.GIF && bytes.length > Limits.MAX_GIF_BYTES) {
            throw new PhotoRejected(PhotoRejected.Reason.TOO_LARGE_FILE, name + " is a GIF of " + bytes.length
                    + " bytes");
        }
        return new Source(bytes, format, name);
    }

    /** A GIF goes as it is (re-encoding would lose its animation); only its first frame is decoded. */
    private static PreparedPhoto gif(Source source) throws PhotoRejected {
        byte[] bytes = source.bytes();
        if (bytes.length < 13) {
            throw new PhotoRejected(PhotoRejected.Reason.UNREADABLE, source.name() + " is a truncated GIF header");
        }
        // The logical screen is the canvas every frame is drawn on, so players allocate it whatever frame 0 says.
        ImageCodec.checkAnimation(bytes, source.name(), Limits.MAX_PHOTO_PIXELS);
        int screenWidth = (bytes[6] & 0xff) | (bytes[7] & 0xff) << 8;
        int screenHeight = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
        BufferedImage firstFrame = ImageCodec.decode(bytes, Limits.MAX_PHOTO_PIXELS);
        boolean transparent = ImageCodec.hasTransparency(firstFrame);
        int width = screenWidth > 0 ? screenWidth : firstFrame.getWidth();
        int height = screenHeight > 0 ? screenHeight : firstFrame.getHeight();
        return new PreparedPhoto(bytes, MediaType.GIF, width, height, thumbnail(firstFrame, transparent),
                Sha256.of(bytes));
    }

    private static BufferedImage upright(Source source) throws PhotoRejected {
        BufferedImage decoded = ImageCodec.decode(source.bytes(), Limits.MAX_PHOTO_PIXELS);
        return ExifOrientation.upright(decoded, ExifOrientation.read(source.bytes()));
    }

    /** The image with its long edge at most {@code maxLongEdge}; never enlarged. */
    private static BufferedImage fit(BufferedImage image, int maxLongEdge) {
        if (Math.max(image.getWidth(), image.getHeight()) <= maxLongEdge) {
            return image;
        }
        return Scalr.resize(image, Scalr.Method.QUALITY, Scalr.Mode.AUTOMATIC, maxLongEdge);
    }

    /** A still preview of at most {@link #THUMBNAIL_EDGE} px: PNG when transparent, else JPEG. */
    static PreparedPhoto.Thumbnail thumbnail(BufferedImage image, boolean transparent) {
        BufferedImage small = fit(image, THUMBNAIL_EDGE);
        return transparent
                ? new PreparedPhoto.Thumbnail(ImageCodec.png(small), MediaType.PNG, small.getWidth(),
                        small.getHeight())
                : new PreparedPhoto.Thumbnail(ImageCodec.jpeg(ImageCodec.onWhite(small), JPEG_QUALITY),
                        MediaType.JPEG, small.getWidth(), small.getHeight());
    }

    /** Re-encodes from pixels only: PNG keeps transparency, everything opaque becomes a JPEG. */
    private static PreparedPhoto encode(BufferedImage image, boolean transparent,
            PreparedPhoto.Thumbnail thumbnail) {
        byte[] bytes = transparent
                ? ImageCodec.png(image) : ImageCodec.jpeg(ImageCodec.onWhite(image), JPEG_QUALITY);
        return new PreparedPhoto(bytes, transparent ? MediaType.PNG : MediaType.JPEG, image.getWidth(),
                image.getHeight(), thumbnail, Sha256.of(bytes));
    }

    private static void logPrepared(Source source, String quality, PreparedPhoto photo, long startNanos) {
        log.debug("prepared {} ({}, {}): {} {}×{}, {} bytes in {} ms", source.name(), source.format(), quality,
                photo.type(), photo.width(), photo.height(), photo.size(),
                (System.nanoTime() - startNanos) / 1_000_000);
    }
}
