package dev.parley.client.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jcodec.api.awt.AWTSequenceEncoder;

/** Real video files for tests: H.264 MP4s encoded here (pure Java), and a small VP8 WebM kept as a resource. */
public final class TestVideos {
    private TestVideos() {
    }

    /** An MP4 of {@code frames} frames at 10 fps whose first frame is solid {@code first} with a white square. */
    public static Path mp4(Path file, int width, int height, int frames, Color first) {
        try {
            AWTSequenceEncoder encoder = AWTSequenceEncoder.createSequenceEncoder(file.toFile(), 10);
            for (int i = 0; i < frames; i++) {
                BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
                Graphics2D g = frame.createGraphics();
                g.setColor(i == 0 ? first : new Color(40, 40 + i * 5 % 200, 120));
                g.fillRect(0, 0, width, height);
                g.setColor(Color.WHITE);
                g.fillRect(width / 4 + i * 2, height / 4, width / 4, height / 4);
                g.dispose();
                encoder.encodeImage(frame);
            }
            encoder.finish();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds a location, as phones record it ({@code moov/udta/©xyz}, ISO 6709), and a camera model
     * ({@code moov/udta/©mod}) to an MP4 whose {@code moov} box comes last (as the MP4s made here do).
     */
    public static Path withLocationAndCamera(Path mp4, String iso6709, String camera) {
        try {
            byte[] bytes = Files.readAllBytes(mp4);
            ByteBuffer file = ByteBuffer.wrap(bytes);
            int moov = -1;
            for (int at = 0; at + 8 <= bytes.length; at += file.getInt(at) == 1 ? (int) file.getLong(at + 8)
                    : file.getInt(at)) {
                if (new String(bytes, at + 4, 4, StandardCharsets.US_ASCII).equals("moov")) {
                    moov = at;
                }
            }
            if (moov < 0 || moov + file.getInt(moov) != bytes.length) {
                throw new IllegalStateException("the moov box is not the last one");
            }
            byte[] xyz = userDataString("\u00a9xyz", iso6709);
            byte[] model = userDataString("\u00a9mod", camera);
            ByteBuffer udta = ByteBuffer.allocate(8 + xyz.length + model.length);
            udta.putInt(udta.capacity()).put("udta".getBytes(StandardCharsets.US_ASCII)).put(xyz).put(model);
            ByteBuffer out = ByteBuffer.allocate(bytes.length + udta.capacity());
            out.put(bytes).put(udta.array());
            out.putInt(moov, file.getInt(moov) + udta.capacity());
            Files.write(mp4, out.array());
            return mp4;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] userDataString(String type, String text) {
        byte[] value = text.getBytes(StandardCharsets.UTF_8);
        ByteBuffer box = ByteBuffer.allocate(8 + 4 + value.length);
        box.putInt(box.capacity()).put(type.getBytes(StandardCharsets.ISO_8859_1));
        box.putShort((short) value.length).putShort((short) 0x15c7).put(value);
        return box.array();
    }

    /** A one-second 160 × 120 VP8 WebM (see clip.webm.txt beside it). */
    public static Path webm(Path file) {
        try (InputStream in = TestVideos.class.getResourceAsStream("clip.webm")) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
