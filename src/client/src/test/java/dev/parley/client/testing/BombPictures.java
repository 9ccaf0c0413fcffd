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
