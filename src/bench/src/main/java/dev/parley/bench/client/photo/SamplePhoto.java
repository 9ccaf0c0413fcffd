package dev.parley.bench.client.photo;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * A camera-like JPEG made in code: a sky-to-ground gradient, soft blobs, fine texture and sensor noise, so that
 * it compresses like a photo (a 12 MP one is 3–5 MB at camera quality), with an EXIF orientation tag in APP1
 * as a phone writes it. Seeded, so every run measures the same bytes.
 */
public final class SamplePhoto {
    /** The quality cameras and phones save at, roughly. */
    private static final float CAMERA_QUALITY = 0.92f;

    private SamplePhoto() {
    }

    /** The photo's pixels, {@code width} × {@code height}, the same for the same seed. */
    public static BufferedImage pixels(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] out = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        SplittableRandom random = new SplittableRandom(seed);
        // A coarse grid of random values, smoothly interpolated: hills, trees and clouds without drawing any.
        int cell = Math.max(8, width / 24);
        int gridW = width / cell + 2;
        int gridH = height / cell + 2;
        float[] blobs = new float[gridW * gridH];
        for (int i = 0; i < blobs.length; i++) {
            blobs[i] = (float) random.nextDouble(-40, 40);
        }
        for (int y = 0; y < height; y++) {
            float gy = (float) y / cell;
            int iy = (int) gy;
            float fy = smooth(gy - iy);
            float horizon = (float) y / height;
            for (int x = 0; x < width; x++) {
                float gx = (float) x / cell;
                int ix = (int) gx;
                float fx = smooth(gx - ix);
                float top = lerp(blobs[iy * gridW + ix], blobs[iy * gridW + ix + 1], fx);
                float bottom = lerp(blobs[(iy + 1) * gridW + ix], blobs[(iy + 1) * gridW + ix + 1], fx);
                float blob = lerp(top, bottom, fy);
                // Fine texture (grass, bark) below the horizon, a smooth sky above it.
                float texture = horizon > 0.45f ? (float) Math.sin(x * 0.9 + y * 0.35) * 10 * horizon : 0;
                int noise = random.nextInt(-9, 10);
                int r;
                int g;
                int b;
                if (horizon < 0.45f) {
                    r = (int) (90 + 80 * horizon + blob * 0.6f);
                    g = (int) (140 + 60 * horizon + blob * 0.6f);
                    b = (int) (235 - 40 * horizon + blob * 0.4f);
                } else {
                    r = (int) (70 + blob + texture);
                    g = (int) (110 + 40 * (1 - horizon) + blob + texture);
                    b = (int) (45 + blob * 0.5f);
                }
                out[y * width + x] = clamp(r + noise) << 16 | clamp(g + noise) << 8 | clamp(b + noise);
            }
        }
        return image;
    }

    /** The photo as a camera JPEG with an EXIF orientation tag (1–8; 6 is a phone held upright). */
    public static byte[] jpeg(int width, int height, int orientation, long seed) {
        return withOrientation(encode(pixels(width, height, seed), CAMERA_QUALITY), orientation);
    }

    /** A baseline JPEG of an RGB image at {@code quality} (0–1), with no metadata: what the client's encoder writes. */
    public static byte[] encode(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** Inserts an APP1 "Exif" segment holding only IFD0's orientation right after the JFIF APP0 segment. */
    public static byte[] withOrientation(byte[] jpeg, int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 12 + 4)
                .put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8)
                .putShort((short) 1)
                .putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0)
                .putInt(0);
        byte[] exif = ByteBuffer.allocate(6 + tiff.capacity()).put("Exif\0\0".getBytes(StandardCharsets.US_ASCII))
                .put(tiff.array()).array();
        int afterApp0 = 4 + ((jpeg[4] & 0xff) << 8 | (jpeg[5] & 0xff));
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + exif.length + 4);
        out.write(jpeg, 0, afterApp0);
        out.write(0xff);
        out.write(0xe1);
        out.write((2 + exif.length) >> 8);
        out.write((2 + exif.length) & 0xff);
        out.write(exif, 0, exif.length);
        out.write(jpeg, afterApp0, jpeg.length - afterApp0);
        return out.toByteArray();
    }

    private static float smooth(float t) {
        return t * t * (3 - 2 * t);
    }

    private static float lerp(float a, float b, float t) {
        return a + (b - a) * t;
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(255, v);
    }
}
