package dev.parley.client.media;

import dev.parley.protocol.Limits;
import dev.parley.protocol.MediaType;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
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

    /** The photo in a file: Standard prepared now, HD when the tray asks for it (see {@link PhotoChoices}). */
    public PhotoChoices choices(Path file) throws PhotoRejected {
        return choices(read(file));
    }

    /** Picture data: Standard prepared now, HD when asked for; {@code name} is only for the log. */
    public PhotoChoices choices(byte[] bytes, String name) throws PhotoRejected {
        return choices(source(bytes, name));
    }

    private record Source(byte[] bytes, PictureFormat format, String name) {
    }

    /** Standard and the upright size of the original, which is HD's size. */
    private record Standard(PreparedPhoto photo, int fullWidth, int fullHeight) {
        boolean sameAsHd() {
            return photo.width() == fullWidth && photo.height() == fullHeight;
        }
    }

    private PreparedPhoto prepare(Source source, PhotoQuality quality) throws PhotoRejected {
        long start = System.nanoTime();
        if (source.format() == PictureFormat.GIF) {
            return gif(source);
        }
        PreparedPhoto photo = quality == PhotoQuality.STANDARD ? standard(source).photo() : hd(source, null, () -> false);
        logPrepared(source, quality.name(), photo, start);
        return photo;
    }

    private PhotoChoices choices(Source source) throws PhotoRejected {
        long start = System.nanoTime();
        if (source.format() == PictureFormat.GIF) {
            return PhotoChoices.same(gif(source));
        }
        Standard standard = standard(source);
        logPrepared(source, "STANDARD", standard.photo(), start);
        if (standard.sameAsHd()) {
            return PhotoChoices.same(standard.photo());
        }
        return PhotoChoices.lazyHd(standard.photo(), standard.fullWidth(), standard.fullHeight(), cancelled -> {
            long hdStart = System.nanoTime();
            PreparedPhoto hd = hd(source, standard.photo(), cancelled);
            logPrepared(source, "HD", hd, hdStart);
            return hd;
        });
    }

    /**
     * Downscaled first, turned upright after: turning the 2,048 px image costs a fraction of turning all 12 MP, and
     * the full-size decode is garbage as soon as the downscale has read it.
     */
    private static Standard standard(Source source) throws PhotoRejected {
        BufferedImage decoded = ImageCodec.decode(source.bytes(), Limits.MAX_PHOTO_PIXELS);
        int orientation = ExifOrientation.read(source.bytes());
        boolean turned = ExifOrientation.swapsAxes(orientation);
        int fullWidth = turned ? decoded.getHeight() : decoded.getWidth();
        int fullHeight = turned ? decoded.getWidth() : decoded.getHeight();
        boolean transparent = ImageCodec.hasTransparency(decoded);
        BufferedImage image = ExifOrientation.upright(fit(decoded, PhotoQuality.STANDARD.maxLongEdge()), orientation);
        PreparedPhoto photo = encode(image, transparent, thumbnail(image, transparent));
        if (photo.size() > photo.type().maxBytes()) {
            throw new PhotoRejected(PhotoRejected.Reason.TOO_LARGE_FILE,
                    source.name() + " re-encodes to " + photo.size() + " bytes");
        }
        return new Standard(photo, fullWidth, fullHeight);
    }

    /**
     * Every pixel, upright and re-encoded, with Standard's thumbnail when there is one. Over the upload cap (rare: a
     * huge noisy PNG) HD falls back to {@code standard}, or is refused when there is none.
     */
    private static PreparedPhoto hd(Source source, PreparedPhoto standard, BooleanSupplier cancelled)
            throws PhotoRejected {
        BufferedImage decoded = ImageCodec.decode(source.bytes(), Limits.MAX_PHOTO_PIXELS);
        stopIf(cancelled);
        BufferedImage upright = ExifOrientation.upright(decoded, ExifOrientation.read(source.bytes()));
        stopIf(cancelled);
        boolean transparent = ImageCodec.hasTransparency(upright);
        PreparedPhoto.Thumbnail thumbnail = standard != null ? standard.thumbnail() : thumbnail(upright, transparent);
        PreparedPhoto hd = encode(upright, transparent, thumbnail);
        if (hd.size() <= hd.type().maxBytes()) {
            return hd;
        }
        if (standard == null) {
            throw new PhotoRejected(PhotoRejected.Reason.TOO_LARGE_FILE,
                    source.name() + " re-encodes to " + hd.size() + " bytes");
        }
        log.info("{}: HD would be {} bytes, over the upload cap; offering Standard only", source.name(), hd.size());
        return standard;
    }

    private static void stopIf(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("HD no longer wanted");
        }
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

    /**
     * The image with its long edge at most {@code maxLongEdge}; never enlarged. Bilinear steps of at most 2×: a
     * step of 2× averages each 2×2 block, so fine detail (noise, grass) does not alias, which a single bicubic step
     * of nearly 2× does; and bilinear is several times cheaper than bicubic (docs/BENCHMARKS.md, photo variants).
     */
    public static BufferedImage fit(BufferedImage image, int maxLongEdge) {
        BufferedImage current = image;
        int longEdge = Math.max(current.getWidth(), current.getHeight());
        while (longEdge > maxLongEdge) {
            int step = Math.max(maxLongEdge, (longEdge + 1) / 2);
            current = Scalr.resize(current, Scalr.Method.BALANCED, Scalr.Mode.AUTOMATIC, step);
            longEdge = Math.max(current.getWidth(), current.getHeight());
        }
        return current;
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
