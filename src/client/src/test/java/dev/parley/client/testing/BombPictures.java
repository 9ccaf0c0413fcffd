package dev.parley.client.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/**
 * Small files that claim huge pictures, made in code for the bomb tests: each is a few KB while decoding or playing
 * it would take gigabytes, so it must be refused from its header or block structure alone.
 */
public final class BombPictures {
    private BombPictures() {
    }

    /** A real 64×48 JPEG whose frame header (SOF0) is rewritten to claim {@code width} × {@code height}. */
    public static byte[] jpegClaiming(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(SamplePictures.quadrants(64, 48), "jpeg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] jpeg = out.toByteArray();
        for (int i = 2; i + 8 < jpeg.length; i++) {
            if ((jpeg[i] & 0xff) == 0xFF && (jpeg[i + 1] & 0xff) == 0xC0) {
                ByteBuffer.wrap(jpeg, i + 5, 4).putShort((short) height).putShort((short) width);
                return jpeg;
            }
        }
        throw new IllegalStateException("the encoder wrote no SOF0");
    }

    /**
     * An animated GIF of {@code frames} one-pixel frames on a {@code width} × {@code height} canvas: about 23 bytes
     * a frame, while a player composes every frame on the whole canvas.
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

    /** A lossless WebP (VP8L) whose header claims 16384 × 16384 pixels, the most the format allows. */
    public static byte[] webpClaimingTheMaximum() {
        byte[] payload = new byte[1024];
        ByteBuffer vp8l = ByteBuffer.allocate(5 + payload.length).order(ByteOrder.LITTLE_ENDIAN);
        vp8l.put((byte) 0x2f).putInt(16383 | 16383 << 14).put(payload);
        return riffWebp("VP8L", vp8l.array());
    }

    /** An extended WebP (VP8X) whose canvas claims 16,777,216 × 16,777,216 pixels, around a small real image. */
    public static byte[] webpWithAHugeCanvas() {
        ByteBuffer vp8x = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        vp8x.putInt(0);
        vp8x.put((byte) 0xff).put((byte) 0xff).put((byte) 0xff).put((byte) 0xff).put((byte) 0xff).put((byte) 0xff);
        return riffWebp("VP8X", vp8x.array());
    }

    private static byte[] riffWebp(String chunk, byte[] data) {
        ByteBuffer riff = ByteBuffer.allocate(20 + data.length + (data.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
        riff.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(riff.capacity() - 8);
        riff.put("WEBP".getBytes(StandardCharsets.US_ASCII)).put(chunk.getBytes(StandardCharsets.US_ASCII));
        riff.putInt(data.length).put(data);
        return riff.array();
    }

    /** The picture as a PNG, for tests that need a harmless one next to a bomb. */
    public static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
