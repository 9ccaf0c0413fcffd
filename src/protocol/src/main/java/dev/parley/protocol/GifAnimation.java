package dev.parley.protocol;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * What an animated GIF costs whoever plays it, read from its block structure without decoding a pixel: the logical
 * screen (the canvas every frame is drawn on), the number of frames, and the pixels a player composes for all of
 * them (each frame at least a whole canvas). A few KB of 1×1 frames on a large canvas is a bomb for players; the
 * sender and the server both refuse one over {@link Limits#MAX_GIF_ANIMATION_PIXELS}.
 */
public record GifAnimation(int width, int height, int frames, long pixels) {
    /** Reads the GIF's blocks up to its trailer (or the end of the stream); a malformed structure throws. */
    public static GifAnimation read(InputStream in) throws IOException {
        byte[] header = in.readNBytes(13);
        if (header.length < 13 || header[0] != 'G' || header[1] != 'I' || header[2] != 'F') {
            throw new IOException("not a GIF");
        }
        int width = (header[6] & 0xff) | (header[7] & 0xff) << 8;
        int height = (header[8] & 0xff) | (header[9] & 0xff) << 8;
        long canvas = (long) width * height;
        skipColourTable(in, header[10]);
        int frames = 0;
        long pixels = 0;
        for (int block = in.read(); block != 0x3B && block != -1; block = in.read()) {
            if (block == 0x21) {
                next(in);
                skipSubBlocks(in);
            } else if (block == 0x2C) {
                byte[] descriptor = in.readNBytes(9);
                if (descriptor.length < 9) {
                    throw new EOFException("truncated image descriptor");
                }
                long area = (long) ((descriptor[4] & 0xff) | (descriptor[5] & 0xff) << 8)
                        * ((descriptor[6] & 0xff) | (descriptor[7] & 0xff) << 8);
                skipColourTable(in, descriptor[8]);
                next(in);
                skipSubBlocks(in);
                frames++;
                pixels += Math.max(area, canvas);
            } else {
                throw new IOException("unknown GIF block 0x" + Integer.toHexString(block));
            }
        }
        return new GifAnimation(width, height, frames, pixels);
    }

    private static void skipColourTable(InputStream in, byte packed) throws IOException {
        if ((packed & 0x80) != 0) {
            in.skipNBytes(3L << ((packed & 0x07) + 1));
        }
    }

    private static void skipSubBlocks(InputStream in) throws IOException {
        for (int length = next(in); length > 0; length = next(in)) {
            in.skipNBytes(length);
        }
    }

    private static int next(InputStream in) throws IOException {
        int value = in.read();
        if (value < 0) {
            throw new EOFException("truncated GIF");
        }
        return value;
    }
}
