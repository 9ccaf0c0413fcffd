package dev.parley.server.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;

/**
 * Real and hostile image files for tests, made in memory: photos, decompression bombs, and pictures that carry
 * the metadata a server must strip.
 */
public final class TestImages {
    public static final String PNG_TEXT_MARKER = "PARLEY-PNG-TEXT-MARKER";
    public static final String GPS_MARKER = "PARLEY-GPS-MARKER";

    private TestImages() {
    }

    /** A photo-like JPEG of noise (noise compresses badly, so the file spans several chunks). */
    public static byte[] jpeg(int width, int height, long seed) {
        return encode(noise(width, height, seed), "jpeg");
    }

    public static byte[] png(int width, int height, long seed) {
        return encode(noise(width, height, seed), "png");
    }

    /**
     * A decompression bomb: a valid PNG header claiming {@code side} × {@code side} RGB pixels, followed by a
     * little compressed data of zero rows. A few KB on the wire, gigabytes if decoded.
     */
    public static byte[] pngBomb(int side) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer header = ByteBuffer.allocate(13).putInt(side).putInt(side).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(png, "IHDR", header.array());
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(new byte[1 << 20]);
        deflater.finish();
        byte[] compressed = new byte[64 * 1024];
        int length = deflater.deflate(compressed);
        chunk(png, "IDAT", java.util.Arrays.copyOf(compressed, length));
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    /** A real small JPEG whose frame header (SOF0) is rewritten to claim {@code width} × {@code height}. */
    public static byte[] jpegClaiming(int width, int height) {
        byte[] jpeg = jpeg(64, 48, 7);
        for (int i = 2; i + 8 < jpeg.length; i++) {
            if ((jpeg[i] & 0xff) == 0xFF && (jpeg[i + 1] & 0xff) == 0xC0) {
                ByteBuffer.wrap(jpeg, i + 5, 4).putShort((short) height).putShort((short) width);
                return jpeg;
            }
        }
        throw new IllegalStateException("the encoder wrote no SOF0");
    }

    /**
     * An animated GIF of {@code frames} frames of one pixel each on a {@code width} × {@code height} canvas: about
     * 23 bytes a frame, while a player composes every frame on the whole canvas.
     */
    public static byte[] gifOfTinyFrames(int width, int height, int frames) {
        ByteArrayOutputStream gif = new ByteArrayOutputStream();
        gif.writeBytes("GIF89a".getBytes(StandardCharsets.US_ASCII));
        gif.writeBytes(new byte[] {(byte) width, (byte) (width >> 8), (byte) height, (byte) (height >> 8),
                (byte) 0x80, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 0xff});
        gif.writeBytes(new byte[] {0x21, (byte) 0xFF, 0x0B});
        gif.writeBytes("NETSCAPE2.0".getBytes(StandardCharsets.US_ASCII));
        gif.writeBytes(new byte[] {0x03, 0x01, 0x00, 0x00, 0x00});
        for (int i = 0; i < frames; i++) {
            gif.writeBytes(new byte[] {0x21, (byte) 0xF9, 0x04, 0x00, 0x02, 0x00, 0x00, 0x00});
            gif.writeBytes(new byte[] {0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0x02, 0x02, 0x44, 0x01, 0x00});
        }
        gif.write(0x3B);
        return gif.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(typeBytes);
        png.writeBytes(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static BufferedImage noise(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }

    /** A gradient, so the picture has real content. */
    public static BufferedImage picture(int width, int height, boolean alpha) {
        BufferedImage image = new BufferedImage(width, height,
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int a = alpha ? 128 + (x % 128) : 255;
                image.setRGB(x, y, a << 24 | (x * 255 / width) << 16 | (y * 255 / height) << 8 | 90);
            }
        }
        return image;
    }

    public static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A PNG with a tEXt chunk (a comment holding {@link #PNG_TEXT_MARKER}) right after its header. */
    public static byte[] pngWithTextChunk(BufferedImage image) {
        byte[] png = encode(image, "png");
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        chunk(chunk, "tEXt", ("Comment\0" + PNG_TEXT_MARKER).getBytes(StandardCharsets.ISO_8859_1));
        return splice(png, 8 + 25, chunk.toByteArray()); // signature, then the 25-byte IHDR chunk
    }

    /** A JPEG with an EXIF APP1 segment whose GPS directory holds a latitude and {@link #GPS_MARKER}. */
    public static byte[] jpegWithGps(BufferedImage image) {
        byte[] jpeg = encode(image, "jpeg");
        byte[] marker = (GPS_MARKER + "\0").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer tiff = ByteBuffer.allocate(56 + marker.length)
                .put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8)
                .putShort((short) 1).putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(26).putInt(0)
                .putShort((short) 2)
                .putShort((short) 0x0001).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0})
                .putShort((short) 0x0012).putShort((short) 2).putInt(marker.length).putInt(56)
                .putInt(0).put(marker);
        byte[] exif = ByteBuffer.allocate(6 + tiff.capacity()).put("Exif\0\0".getBytes(StandardCharsets.US_ASCII))
                .put(tiff.array()).array();
        byte[] segment = ByteBuffer.allocate(4 + exif.length).put((byte) 0xff).put((byte) 0xe1)
                .putShort((short) (2 + exif.length)).put(exif).array();
        int afterApp0 = 4 + ((jpeg[4] & 0xff) << 8 | (jpeg[5] & 0xff)); // SOI, then the JFIF APP0 segment
        return splice(jpeg, afterApp0, segment);
    }

    public static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }

    private static byte[] splice(byte[] bytes, int at, byte[] insert) {
        return ByteBuffer.allocate(bytes.length + insert.length).put(bytes, 0, at).put(insert)
                .put(bytes, at, bytes.length - at).array();
    }
}
