package dev.parley.bench.client.photo;

import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** The ways of decoding a JPEG the variants compare, and how close a downscaled picture is to an ideal one. */
final class Pictures {
    private Pictures() {
    }

    /** Which of the installed JPEG readers decodes. */
    enum Reader {
        /** The first one ImageIO offers, what the client gets (TwelveMonkeys' when it is on the class path). */
        FIRST,
        /** The JDK's own. */
        JDK
    }

    /** Decodes {@code jpeg}, keeping every {@code subsampling}-th pixel and row (1 for all). */
    static BufferedImage decode(byte[] jpeg, Reader which, int subsampling) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            ImageReader reader = reader(input, which);
            try {
                reader.setInput(input, true, true);
                ImageReadParam param = reader.getDefaultReadParam();
                if (subsampling > 1) {
                    param.setSourceSubsampling(subsampling, subsampling, 0, 0);
                }
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The picture copied into an int-per-pixel RGB image, the layout Java2D scales fastest. */
    static BufferedImage intRgb(BufferedImage image) {
        return drawn(image, image.getWidth(), image.getHeight());
    }

    private static BufferedImage drawn(Image image, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The class of the reader {@link Reader#FIRST} picks, for the report. */
    static String firstReaderName(byte[] jpeg) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            return reader(input, Reader.FIRST).getClass().getName();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ImageReader reader(ImageInputStream input, Reader which) {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            if (which == Reader.FIRST || reader.getClass().getName().startsWith("com.sun.")) {
                return reader;
            }
        }
        throw new IllegalStateException("no " + which + " JPEG reader");
    }

    /**
     * The ideal downscale to exactly {@code width} × {@code height}: every output pixel the average of the source
     * area it covers (AWT's area-averaging filter). Slow, so only the reference for {@link #psnr}.
     */
    static BufferedImage areaAveraged(BufferedImage source, int width, int height) {
        return drawn(source.getScaledInstance(width, height, Image.SCALE_AREA_AVERAGING), width, height);
    }

    /**
     * Peak signal-to-noise ratio of {@code image} against {@code reference} over R, G and B, in dB: above ~40 the
     * two look the same, below ~30 the difference shows (aliasing, blur). Both must have the same size.
     */
    static double psnr(BufferedImage image, BufferedImage reference) {
        int width = reference.getWidth();
        int height = reference.getHeight();
        if (image.getWidth() != width || image.getHeight() != height) {
            throw new IllegalArgumentException(image.getWidth() + "×" + image.getHeight() + " vs " + width + "×"
                    + height);
        }
        int[] a = new int[width];
        int[] b = new int[width];
        double sum = 0;
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, a, 0, width);
            reference.getRGB(0, y, width, 1, b, 0, width);
            for (int x = 0; x < width; x++) {
                for (int shift = 0; shift <= 16; shift += 8) {
                    int d = (a[x] >> shift & 0xff) - (b[x] >> shift & 0xff);
                    sum += d * d;
                }
            }
        }
        double mse = sum / (3.0 * width * height);
        return mse == 0 ? 99 : 10 * Math.log10(255.0 * 255.0 / mse);
    }
}
