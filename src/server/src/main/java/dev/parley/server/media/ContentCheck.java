package dev.parley.server.media;

import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.GifAnimation;
import dev.parley.protocol.Limits;
import dev.parley.protocol.MediaType;
import dev.parley.protocol.ProtocolException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Checks that an upload is what it claims to be: its magic bytes match the declared type and, for images,
 * the header's dimensions are within {@link Limits#MAX_PHOTO_PIXELS} (read before a single pixel is
 * allocated, so a decompression bomb costs nothing) and the whole image then decodes without error.
 */
final class ContentCheck {
    /** Decoding is subsampled down to about this many pixels: every byte is still read, the heap stays small. */
    private static final long DECODE_PIXELS = 2_000_000L;
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] GIF87 = "GIF87a".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GIF89 = "GIF89a".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WEBM = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3};
    private static final byte[] FTYP = "ftyp".getBytes(StandardCharsets.US_ASCII);

    /** An image's size in pixels; null for videos. */
    record Dimensions(int width, int height) {
    }

    private ContentCheck() {
    }

    /** The image's dimensions (null for a video), or a {@code bad_request} / {@code too_large} refusal. */
    static Dimensions check(Path file, MediaType type) throws IOException {
        byte[] head = new byte[16];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        }
        if (!magicMatches(Arrays.copyOf(head, read), type)) {
            throw ProtocolException.badRequest("the content is not " + type.mime());
        }
        if (type == MediaType.GIF) {
            checkAnimation(file);
        }
        return type.isImage() ? checkImage(file, type) : null;
    }

    /** A GIF's canvas and all its frames, from its blocks: players compose every frame on the whole canvas. */
    private static void checkAnimation(Path file) throws IOException {
        GifAnimation gif;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            gif = GifAnimation.read(in);
        } catch (IOException e) {
            throw notAnImage();
        }
        if ((long) gif.width() * gif.height() > Limits.MAX_PHOTO_PIXELS) {
            throw new ProtocolException(ErrorCode.TOO_LARGE, "the GIF's canvas is " + gif.width() + " × "
                    + gif.height() + " pixels; at most " + Limits.MAX_PHOTO_PIXELS + " pixels are allowed");
        }
        if (gif.pixels() > Limits.MAX_GIF_ANIMATION_PIXELS) {
            throw new ProtocolException(ErrorCode.TOO_LARGE, "the GIF's " + gif.frames() + " frames on a "
                    + gif.width() + " × " + gif.height() + " canvas make " + gif.pixels() + " pixels to play; at most "
                    + Limits.MAX_GIF_ANIMATION_PIXELS + " are allowed");
        }
    }

    static boolean magicMatches(byte[] head, MediaType type) {
        return switch (type) {
            case JPEG -> startsWith(head, 0, JPEG);
            case PNG -> startsWith(head, 0, PNG);
            case GIF -> startsWith(head, 0, GIF87) || startsWith(head, 0, GIF89);
            case MP4 -> startsWith(head, 4, FTYP);
            case WEBM -> startsWith(head, 0, WEBM);
        };
    }

    private static Dimensions checkImage(Path file, MediaType type) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type.mime());
            if (in == null || !readers.hasNext()) {
                throw new IllegalStateException("no ImageIO reader for " + type.mime());
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width;
                int height;
                try {
                    width = reader.getWidth(0);
                    height = reader.getHeight(0);
                } catch (IOException | RuntimeException e) {
                    throw notAnImage();
                }
                if (width <= 0 || height <= 0) {
                    throw notAnImage();
                }
                if ((long) width * height > Limits.MAX_PHOTO_PIXELS) {
                    throw new ProtocolException(ErrorCode.TOO_LARGE, "the image is " + width + " × " + height
                            + " pixels; at most " + Limits.MAX_PHOTO_PIXELS + " pixels are allowed");
                }
                decode(reader, width, height);
                return new Dimensions(width, height);
            } finally {
                reader.dispose();
            }
        }
    }

    /** Decodes the first frame once; a warning (e.g. a premature end of a JPEG) counts as broken. */
    private static void decode(ImageReader reader, int width, int height) {
        AtomicReference<String> warning = new AtomicReference<>();
        reader.addIIOReadWarningListener((source, message) -> warning.compareAndSet(null, message));
        ImageReadParam param = reader.getDefaultReadParam();
        int step = (int) Math.ceil(Math.sqrt((double) width * height / DECODE_PIXELS));
        if (step > 1) {
            param.setSourceSubsampling(step, step, 0, 0);
        }
        try {
            reader.read(0, param);
        } catch (IOException | RuntimeException e) {
            throw notAnImage();
        }
        if (warning.get() != null) {
            throw notAnImage();
        }
    }

    private static ProtocolException notAnImage() {
        return ProtocolException.badRequest("not a valid image");
    }

    private static boolean startsWith(byte[] head, int at, byte[] magic) {
        return head.length >= at + magic.length
                && Arrays.equals(head, at, at + magic.length, magic, 0, magic.length);
    }
}
