package dev.parley.client.media;

import dev.parley.protocol.Limits;
import java.awt.image.BufferedImage;
import org.imgscalr.Scalr;

/**
 * Turns one picture of a sticker pack being imported into the image Parley keeps and sends, checked like a photo:
 * the size before anything else, the format from its first bytes (PNG, GIF or WebP), width × height from the header,
 * one decode. A PNG or WebP is re-encoded as a PNG of at most {@value Limits#MAX_STICKER_SIDE} px a side (so nothing
 * but pixels survives); an animated GIF is kept as it is, within the sticker caps, so it keeps moving.
 */
public final class StickerPicture {
    /** Largest picture file an imported pack may hold, before it is scaled. */
    public static final long MAX_SOURCE_BYTES = 5L * 1024 * 1024;
    /** Most pixels a source picture may have (read from its header before decoding). */
    private static final long MAX_SOURCE_PIXELS = 16_000_000L;

    /** A sticker's image as kept: PNG or GIF bytes and their size in pixels. */
    public record Image(byte[] bytes, String mime, int width, int height) {
    }

    private StickerPicture() {
    }

    /** The sticker image made from {@code bytes} (named {@code name} in refusals). */
    public static Image prepare(byte[] bytes, String name) throws PhotoRejected {
        if (bytes.length > MAX_SOURCE_BYTES) {
            throw new PhotoRejected(PhotoRejected.Reason.TOO_LARGE_FILE, name + " has " + bytes.length + " bytes");
        }
        PictureFormat format = PictureFormat.sniff(bytes).orElseThrow(
                () -> new PhotoRejected(PhotoRejected.Reason.NOT_AN_IMAGE, name + " has no picture signature"));
        return switch (format) {
            case GIF -> gif(bytes, name);
            case PNG, WEBP -> still(bytes);
            default -> throw new PhotoRejected(PhotoRejected.Reason.NOT_AN_IMAGE, name + " is a " + format
                    + ", not a PNG, GIF or WebP");
        };
    }

    private static Image gif(byte[] bytes, String name) throws PhotoRejected {
        if (bytes.length < 13) {
            throw new PhotoRejected(PhotoRejected.Reason.UNREADABLE, name + " is a truncated GIF header");
        }
        int width = (bytes[6] & 0xff) | (bytes[7] & 0xff) << 8;
        int height = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
        if (width > Limits.MAX_STICKER_SIDE || height > Limits.MAX_STICKER_SIDE) {
            throw new PhotoRejected(PhotoRejected.Reason.TOO_MANY_PIXELS, name + " is a GIF of " + width + "×"
                    + height + "; animated stickers may be at most " + Limits.MAX_STICKER_SIDE + " px a side");
        }
        if (bytes.length > Limits.MAX_STICKER_BYTES) {
            throw new PhotoRejected(PhotoRejected.Reason.TOO_LARGE_FILE, name + " is a GIF of " + bytes.length
                    + " bytes");
        }
        ImageCodec.checkAnimation(bytes, name, (long) Limits.MAX_STICKER_SIDE * Limits.MAX_STICKER_SIDE);
        BufferedImage first = ImageCodec.decode(bytes, MAX_SOURCE_PIXELS);
        return new Image(bytes, "image/gif", width > 0 ? width : first.getWidth(),
                height > 0 ? height : first.getHeight());
    }

    private static Image still(byte[] bytes) throws PhotoRejected {
        BufferedImage image = ImageCodec.decode(bytes, MAX_SOURCE_PIXELS);
        int side = Limits.MAX_STICKER_SIDE;
        byte[] png;
        BufferedImage fitted;
        do {
            fitted = Math.max(image.getWidth(), image.getHeight()) <= side ? image
                    : Scalr.resize(image, Scalr.Method.QUALITY, Scalr.Mode.AUTOMATIC, side);
            png = ImageCodec.png(fitted);
            side /= 2;
        } while (png.length > Limits.MAX_STICKER_BYTES && side >= 64);
        if (png.length > Limits.MAX_STICKER_BYTES) {
            throw new PhotoRejected(PhotoRejected.Reason.TOO_LARGE_FILE, "the picture stays over "
                    + Limits.MAX_STICKER_BYTES + " bytes");
        }
        return new Image(png, "image/png", fitted.getWidth(), fitted.getHeight());
    }
}
