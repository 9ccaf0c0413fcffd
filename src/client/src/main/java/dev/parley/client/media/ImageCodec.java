package dev.parley.client.media;

import dev.parley.protocol.GifAnimation;
import dev.parley.protocol.Limits;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Decoding and encoding of pictures shared by avatars and photos. Decoding checks width × height from the
 * header before a pixel is allocated; encoding starts from pixels and writes no metadata, so EXIF, GPS and XMP
 * never survive.
 */
final class ImageCodec {
    private ImageCodec() {
    }

    /** The first image in {@code bytes}, refused when its header says more than {@code maxPixels}. */
    static BufferedImage decode(byte[] bytes, long maxPixels) throws PhotoRejected {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw new PhotoRejected(PhotoRejected.Reason.NOT_AN_IMAGE, "no image reader recognises it");
            }
            ImageReader reader = readers.next();
            try {
                // Metadata is ignored here on purpose: orientation is read separately, the rest is dropped.
                reader.setInput(input, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > maxPixels) {
                    throw new PhotoRejected(PhotoRejected.Reason.TOO_MANY_PIXELS,
                            reader.getWidth(0) + "×" + reader.getHeight(0));
                }
                return reader.read(0);
            } catch (IOException | RuntimeException e) {
                throw new PhotoRejected(PhotoRejected.Reason.UNREADABLE, e.toString(), e);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new PhotoRejected(PhotoRejected.Reason.UNREADABLE, e.toString(), e);
        }
    }

    /**
     * Refuses a GIF whose canvas is over {@code maxCanvasPixels} or whose frames, each composed on the whole canvas,
     * add up to more than {@link Limits#MAX_GIF_ANIMATION_PIXELS}: the server refuses the same, and players hold
     * every frame.
     */
    static void checkAnimation(byte[] gif, String name, long maxCanvasPixels) throws PhotoRejected {
        GifAnimation animation;
        try {
            animation = GifAnimation.read(new ByteArrayInputStream(gif));
        } catch (IOException e) {
            throw new PhotoRejected(PhotoRejected.Reason.UNREADABLE, name + ": " + e.getMessage(), e);
        }
        if ((long) animation.width() * animation.height() > maxCanvasPixels) {
            throw new PhotoRejected(PhotoRejected.Reason.TOO_MANY_PIXELS, name + " has a logical screen of "
                    + animation.width() + "×" + animation.height());
        }
        if (animation.pixels() > Limits.MAX_GIF_ANIMATION_PIXELS) {
            throw new PhotoRejected(PhotoRejected.Reason.TOO_MANY_PIXELS, name + " has " + animation.frames()
                    + " frames on a " + animation.width() + "×" + animation.height() + " canvas");
        }
    }

    /** Whether any pixel is less than fully opaque; an alpha channel that is all opaque does not count. */
    static boolean hasTransparency(BufferedImage image) {
        if (!image.getColorModel().hasAlpha()) {
            return false;
        }
        int width = image.getWidth();
        int[] row = new int[width];
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int argb : row) {
                if (argb >>> 24 != 0xff) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The image as plain RGB, transparent areas laid on white, because JPEG has no alpha. */
    static BufferedImage onWhite(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return image;
        }
        int width = image.getWidth();
        BufferedImage rgb = new BufferedImage(width, image.getHeight(), BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int i = 0; i < width; i++) {
                row[i] = flattenOnWhite(row[i]);
            }
            rgb.setRGB(0, y, width, 1, row, 0, width);
        }
        return rgb;
    }

    private static int flattenOnWhite(int argb) {
        int alpha = argb >>> 24;
        int r = (((argb >> 16) & 0xff) * alpha + 255 * (255 - alpha)) / 255;
        int g = (((argb >> 8) & 0xff) * alpha + 255 * (255 - alpha)) / 255;
        int b = ((argb & 0xff) * alpha + 255 * (255 - alpha)) / 255;
        return r << 16 | g << 8 | b;
    }

    /** A baseline JPEG of an RGB image at the given quality (0–1), with no metadata but the JFIF header. */
    static byte[] jpeg(BufferedImage rgb, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream output = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(rgb, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode in memory", e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** A PNG of the image, alpha kept, with no metadata chunks. */
    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer for image type " + image.getType());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode in memory", e);
        }
        return out.toByteArray();
    }
}
