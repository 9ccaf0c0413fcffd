package dev.parley.client.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Real JPEG photos carrying metadata as a phone would write it — EXIF with a camera make, an orientation and a
 * GPS directory, plus an XMP packet — for metadata-stripping and orientation tests.
 */
public final class GpsPhotos {
    public static final String GPS_MARKER = "PARLEY-GPS-MARKER";
    public static final String CAMERA_MAKE = "ParleyCam";

    private static final int ASCII = 2;
    private static final int SHORT = 3;
    private static final int LONG = 4;

    private GpsPhotos() {
    }

    /** A gradient JPEG of the given size with EXIF (GPS with {@link #GPS_MARKER}), orientation 1. */
    public static Path write(Path file, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 255 / width) << 16 | (y * 255 / height) << 8 | 120);
            }
        }
        return write(file, image, 1);
    }

    /**
     * The image as a JPEG whose EXIF IFD0 holds a camera make, the given orientation tag (1–8) and a GPS pointer,
     * and which also carries an XMP packet with a latitude.
     */
    public static Path write(Path file, BufferedImage image, int orientation) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        byte[] jpeg = out.toByteArray();
        byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff(orientation));
        byte[] xmp = concat("http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.US_ASCII),
                ("<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
                        + "<rdf:Description rdf:about='' xmlns:exif='http://ns.adobe.com/exif/1.0/'"
                        + " exif:GPSLatitude='52,31.2N'/></rdf:RDF></x:xmpmeta>").getBytes(StandardCharsets.UTF_8));
        int afterApp0 = 4 + ((jpeg[4] & 0xff) << 8 | (jpeg[5] & 0xff));
        ByteArrayOutputStream spliced = new ByteArrayOutputStream();
        spliced.write(jpeg, 0, afterApp0);
        for (byte[] app1 : List.of(exif, xmp)) {
            spliced.write(0xff);
            spliced.write(0xe1);
            spliced.write((2 + app1.length) >> 8);
            spliced.write((2 + app1.length) & 0xff);
            spliced.write(app1);
        }
        spliced.write(jpeg, afterApp0, jpeg.length - afterApp0);
        return Files.write(file, spliced.toByteArray());
    }

    public static boolean containsGps(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1).contains(GPS_MARKER);
    }

    private record Entry(int tag, int type, int count, byte[] value) {
        static Entry ascii(int tag, String text) {
            byte[] bytes = (text + "\0").getBytes(StandardCharsets.US_ASCII);
            return new Entry(tag, ASCII, bytes.length, bytes);
        }
    }

    /** A big-endian TIFF block: IFD0 (make, orientation, GPS pointer), then the GPS IFD, then long values. */
    private static byte[] tiff(int orientation) {
        List<Entry> gps = List.of(Entry.ascii(0x0001, "N"), Entry.ascii(0x0012, GPS_MARKER));
        int ifd0Offset = 8;
        int gpsOffset = ifd0Offset + ifdSize(3);
        List<Entry> ifd0 = List.of(Entry.ascii(0x010f, CAMERA_MAKE),
                new Entry(0x0112, SHORT, 1, ByteBuffer.allocate(2).putShort((short) orientation).array()),
                new Entry(0x8825, LONG, 1, ByteBuffer.allocate(4).putInt(gpsOffset).array()));
        int dataOffset = gpsOffset + ifdSize(gps.size());
        List<byte[]> data = new ArrayList<>();
        ByteBuffer tiff = ByteBuffer.allocate(dataOffset + 256)
                .put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(ifd0Offset);
        dataOffset = putIfd(tiff, ifd0, dataOffset, data);
        putIfd(tiff, gps, dataOffset, data);
        data.forEach(tiff::put);
        return Arrays.copyOf(tiff.array(), tiff.position());
    }

    private static int ifdSize(int entries) {
        return 2 + 12 * entries + 4;
    }

    /** Writes one IFD; values over four bytes go to {@code data}, placed from {@code dataOffset} on. */
    private static int putIfd(ByteBuffer tiff, List<Entry> entries, int dataOffset, List<byte[]> data) {
        tiff.putShort((short) entries.size());
        for (Entry entry : entries) {
            tiff.putShort((short) entry.tag()).putShort((short) entry.type()).putInt(entry.count());
            if (entry.value().length <= 4) {
                tiff.put(Arrays.copyOf(entry.value(), 4));
            } else {
                byte[] padded = Arrays.copyOf(entry.value(), entry.value().length + entry.value().length % 2);
                tiff.putInt(dataOffset);
                data.add(padded);
                dataOffset += padded.length;
            }
        }
        tiff.putInt(0);
        return dataOffset;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        return ByteBuffer.allocate(first.length + second.length).put(first).put(second).array();
    }
}
