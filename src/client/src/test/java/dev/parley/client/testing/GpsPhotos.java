package dev.parley.client.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Real JPEG photos carrying an EXIF GPS directory, as a phone would write them, for metadata-stripping tests. */
public final class GpsPhotos {
    public static final String GPS_MARKER = "PARLEY-GPS-MARKER";

    private GpsPhotos() {
    }

    /** A gradient JPEG of the given size with an EXIF APP1 segment holding a latitude and {@link #GPS_MARKER}. */
    public static Path write(Path file, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 255 / width) << 16 | (y * 255 / height) << 8 | 120);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        byte[] jpeg = out.toByteArray();
        byte[] marker = (GPS_MARKER + "\0").getBytes(StandardCharsets.US_ASCII);
        // TIFF (big-endian): IFD0 with a GPSInfo pointer; the GPS IFD with GPSLatitudeRef and a GPSMapDatum text.
        ByteBuffer tiff = ByteBuffer.allocate(56 + marker.length)
                .put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8)
                .putShort((short) 1).putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(26).putInt(0)
                .putShort((short) 2)
                .putShort((short) 0x0001).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0})
                .putShort((short) 0x0012).putShort((short) 2).putInt(marker.length).putInt(56)
                .putInt(0).put(marker);
        byte[] exif = ByteBuffer.allocate(6 + tiff.capacity()).put("Exif\0\0".getBytes(StandardCharsets.US_ASCII))
                .put(tiff.array()).array();
        int afterApp0 = 4 + ((jpeg[4] & 0xff) << 8 | (jpeg[5] & 0xff));
        ByteBuffer spliced = ByteBuffer.allocate(jpeg.length + 4 + exif.length).put(jpeg, 0, afterApp0)
                .put((byte) 0xff).put((byte) 0xe1).putShort((short) (2 + exif.length)).put(exif)
                .put(jpeg, afterApp0, jpeg.length - afterApp0);
        return Files.write(file, spliced.array());
    }

    public static boolean containsGps(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1).contains(GPS_MARKER);
    }
}
