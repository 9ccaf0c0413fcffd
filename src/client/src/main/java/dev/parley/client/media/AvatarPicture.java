package dev.parley.client.media;

import dev.parley.protocol.Limits;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        byte[] bytes;
        try {
            if (Files.size(file) > Limits.MAX_AVATAR_FILE_BYTES) {
                throw new Refused(Problem.FILE_TOO_BIG);
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new Refused(Problem.NOT_AN_IMAGE);
        }
        // Upright first, as the photo pipeline does: a phone's portrait photo must not become a sideways picture.
        BufferedImage square = cropToSquare(ExifOrientation.upright(decode(bytes), ExifOrientation.read(bytes)));
        BufferedImage scaled = Scalr.resize(square, Scalr.Method.QUALITY, Scalr.Mode.FIT_EXACT, SIDE, SIDE);
        BufferedImage rgb = ImageCodec.onWhite(scaled);
        for (float quality : QUALITIES) {
            byte[] jpeg = ImageCodec.jpeg(rgb, quality);
            if (jpeg.length <= Limits.MAX_AVATAR_BYTES) {
                return jpeg;
            }
        }
        throw new IllegalStateException("a 256×256 JPEG did not fit even at the lowest quality");
    }

    private static BufferedImage decode(byte[] bytes) throws Refused {
        try {
            return ImageCodec.decode(bytes, Limits.MAX_PHOTO_PIXELS);
        } catch (PhotoRejected e) {
            // For an avatar, a damaged picture and a non-picture need the same sentence.
            throw new Refused(e.reason() == PhotoRejected.Reason.TOO_MANY_PIXELS
                    ? Problem.TOO_MANY_PIXELS : Problem.NOT_AN_IMAGE);
        }
    }

    private static BufferedImage cropToSquare(BufferedImage image) {
        int side = Math.min(image.getWidth(), image.getHeight());
        return Scalr.crop(image, (image.getWidth() - side) / 2, (image.getHeight() - side) / 2, side, side);
    }
}
