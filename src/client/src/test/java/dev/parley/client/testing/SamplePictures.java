package dev.parley.client.testing;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Pictures made in code for media tests: recognisable quadrants, large gradients, and a crafted PNG bomb. */
public final class SamplePictures {
    public static final int RED = 0xdd2020;
    public static final int GREEN = 0x20bb20;
    public static final int BLUE = 0x2020dd;
    public static final int YELLOW = 0xeeee20;

    private SamplePictures() {
    }

    /** Red top-left, green top-right, blue bottom-left, yellow bottom-right: every turn and mirror tells apart. */
    public static BufferedImage quadrants(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean left = x < width / 2;
                boolean top = y < height / 2;
                image.setRGB(x, y, top ? (left ? RED : GREEN) : (left ? BLUE : YELLOW));
            }
        }
        return image;
    }

    /** An opaque gradient, filled through the raster because setRGB is slow at 12 megapixels. */
    public static BufferedImage gradient(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixels[y * width + x] = (x * 255 / width) << 16 | (y * 255 / height) << 8 | 90;
            }
        }
        return image;
    }

    /**
     * A valid-looking PNG of a few KB whose header claims {@code side} × {@code side} RGBA pixels: decoding it
     * would need gigabytes, so it must be refused from the header alone.
     */
    public static Path pngBomb(Path file, int side) throws IOException {
        return Files.write(file, pngBombBytes(side));
    }

    /** The bytes of {@link #pngBomb(Path, int)}. */
    public static byte[] pngBombBytes(int side) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(side).putInt(side)
                .put((byte) 8).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0).array());
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(new byte[1 << 20]);
        deflater.finish();
        byte[] buffer = new byte[64 * 1024];
        int length = deflater.deflate(buffer);
        deflater.end();
        chunk(png, "IDAT", Arrays.copyOf(buffer, length));
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        png.write(ByteBuffer.allocate(4).putInt(data.length).array());
        png.write(typeBytes);
        png.write(data);
        png.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
