package dev.parley.client.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.parley.client.testing.SamplePictures;
import java.awt.image.BufferedImage;

/**
 * Stores an upright quadrant picture the way a camera would for each EXIF orientation, and checks that a picture
 * came back upright. The mapping is written out from the EXIF specification, independent of the code under test.
 */
final class OrientedPictures {
    private static final int TOLERANCE = 48;

    private OrientedPictures() {
    }

    /** The pixels a camera stores for an upright {@code width} × {@code height} picture with this orientation. */
    static BufferedImage stored(int width, int height, int orientation) {
        BufferedImage upright = SamplePictures.quadrants(width, height);
        boolean swapped = orientation >= 5;
        int w = swapped ? height : width;
        int h = swapped ? width : height;
        BufferedImage stored = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                // Where the displayed pixel (x, y) sits in the stored image.
                int[] at = switch (orientation) {
                    case 2 -> new int[] {w - 1 - x, y};
                    case 3 -> new int[] {w - 1 - x, h - 1 - y};
                    case 4 -> new int[] {x, h - 1 - y};
                    case 5 -> new int[] {y, x};
                    case 6 -> new int[] {y, h - 1 - x};
                    case 7 -> new int[] {w - 1 - y, h - 1 - x};
                    case 8 -> new int[] {w - 1 - y, x};
                    default -> new int[] {x, y};
                };
                stored.setRGB(at[0], at[1], upright.getRGB(x, y));
            }
        }
        return stored;
    }

    /** The picture has the upright proportions and red, green, blue, yellow quadrants in reading order. */
    static void assertUpright(BufferedImage image, int width, int height) {
        assertThat(image.getWidth() * height).as("proportions").isEqualTo(image.getHeight() * width);
        int qx = image.getWidth() / 4;
        int qy = image.getHeight() / 4;
        assertColour(image.getRGB(qx, qy), SamplePictures.RED, "top left");
        assertColour(image.getRGB(3 * qx, qy), SamplePictures.GREEN, "top right");
        assertColour(image.getRGB(qx, 3 * qy), SamplePictures.BLUE, "bottom left");
        assertColour(image.getRGB(3 * qx, 3 * qy), SamplePictures.YELLOW, "bottom right");
    }

    private static void assertColour(int actual, int expected, String where) {
        for (int shift = 0; shift <= 16; shift += 8) {
            assertThat((actual >> shift) & 0xff).as(where + " %06x vs %06x", actual & 0xffffff, expected)
                    .isCloseTo((expected >> shift) & 0xff, offset(TOLERANCE));
        }
    }
}
