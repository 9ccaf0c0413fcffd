package dev.parley.client.media;

import dev.parley.protocol.Limits;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.imgscalr.Scalr;

/**
 * Turns a picture file a person chose into an avatar the server accepts: a square JPEG of 256×256 pixels that
 * fits {@link Limits#MAX_AVATAR_BYTES}. The file may be at most 2 MiB and 40 megapixels (checked from its header
 * before any pixels are decoded). Encoding from pixels writes no metadata, so EXIF and GPS tags stay behind.
 * Slow: call it off the FX thread.
 */
public final class AvatarPicture {
    public static final int SIDE = 256;
    private static final float[] QUALITIES = {0.85f, 0.75f, 0.65f, 0.5f, 0.35f};

    /** Why a file cannot become an avatar; the UI turns each into a sentence. */
    public enum Problem { FILE_TOO_BIG, TOO_MANY_PIXELS, NOT_AN_IMAGE }

    /** A file that cannot be used, and why. */
    public static final class Refused extends Exception {
        private final Problem problem;

        Refused(Problem problem) {
            super(problem.name(), null, false, false);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    private AvatarPicture() {
    }

    /** The avatar made from a file; a file that cannot be read at all counts as not an image. */
    public static byte[] prepare(Path file) throws Refused {
        try {
            if (Files.size(file) > Limits.MAX_AVATAR_FILE_BYTES) {
                throw new Refused(Problem.FILE_TOO_BIG);
            }
        } catch (IOException e) {
            throw new Refused(Problem.NOT_AN_IMAGE);
        }
        BufferedImage square = cropToSquare(decode(file));
        BufferedImage scaled = Scalr.resize(square, Scalr.Method.QUALITY, Scalr.Mode.FIT_EXACT, SIDE, SIDE);
        BufferedImage rgb = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
        // Pixels only, and JPEG has no alpha: transparent areas are laid on white.
        int[] argb = scaled.getRGB(0, 0, SIDE, SIDE, null, 0, SIDE);
        for (int i = 0; i < argb.length; i++) {
            argb[i] = flattenOnWhite(argb[i]);
        }
        rgb.setRGB(0, 0, SIDE, SIDE, argb, 0, SIDE);
        for (float quality : QUALITIES) {
            byte[] jpeg = jpeg(rgb, quality);
            if (jpeg.length <= Limits.MAX_AVATAR_BYTES) {
                return jpeg;
            }
        }
        throw new IllegalStateException("a 256×256 JPEG did not fit even at the lowest quality");
    }

    private static BufferedImage decode(Path file) throws Refused {
        try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = input == null ? null : ImageIO.getImageReaders(input);
            if (readers == null || !readers.hasNext()) {
                throw new Refused(Problem.NOT_AN_IMAGE);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                if ((long) reader.getWidth(0) * reader.getHeight(0) > Limits.MAX_PHOTO_PIXELS) {
                    throw new Refused(Problem.TOO_MANY_PIXELS);
                }
                return reader.read(0);
            } catch (IOException | RuntimeException e) {
                throw new Refused(Problem.NOT_AN_IMAGE);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new Refused(Problem.NOT_AN_IMAGE);
        }
    }

    private static BufferedImage cropToSquare(BufferedImage image) {
        int side = Math.min(image.getWidth(), image.getHeight());
        return Scalr.crop(image, (image.getWidth() - side) / 2, (image.getHeight() - side) / 2, side, side);
    }

    private static int flattenOnWhite(int argb) {
        int alpha = argb >>> 24;
        int r = (((argb >> 16) & 0xff) * alpha + 255 * (255 - alpha)) / 255;
        int g = (((argb >> 8) & 0xff) * alpha + 255 * (255 - alpha)) / 255;
        int b = ((argb & 0xff) * alpha + 255 * (255 - alpha)) / 255;
        return r << 16 | g << 8 | b;
    }

    private static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream output = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode in memory", e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
