package dev.parley.server.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Real pictures for tests, including ones that carry the metadata a server must strip. */
public final class TestImages {
    public static final String PNG_TEXT_MARKER = "PARLEY-PNG-TEXT-MARKER";
    public static final String GPS_MARKER = "PARLEY-GPS-MARKER";

    private TestImages() {
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
        byte[] data = ("Comment\0" + PNG_TEXT_MARKER).getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length).putInt(data.length);
        byte[] typeAndData = ByteBuffer.allocate(4 + data.length).put("tEXt".getBytes(StandardCharsets.US_ASCII))
                .put(data).array();
        CRC32 crc = new CRC32();
        crc.update(typeAndData);
        chunk.put(typeAndData).putInt((int) crc.getValue());
        return splice(png, 8 + 25, chunk.array()); // signature, then the 25-byte IHDR chunk
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
