import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws Parley's mark (a blue speech bubble with three dots) and writes every icon file jpackage needs:
 * a PNG for Linux, an .ico for Windows and an .icns for macOS. The mark is drawn as shapes at each size,
 * so small icons stay sharp. Run from the repository root: {@code java packaging/icons/DrawIcons.java}.
 */
public final class DrawIcons {
    private static final Color ACCENT = new Color(0x09, 0x69, 0xda);
    private static final Color ACCENT_DARK = new Color(0x05, 0x50, 0xae);

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "packaging");
        ImageIO.write(draw(512), "png", root.resolve("icons/parley-512.png").toFile());
        ImageIO.write(draw(256), "png", root.resolve("linux/parley.png").toFile());
        writeIco(root.resolve("windows/parley.ico"), 16, 24, 32, 48, 64, 128, 256);
        // icns entry types by pixel size (PNG payloads; "@2x" types share sizes with the next step up).
        Map<String, Integer> icns = new LinkedHashMap<>();
        icns.put("icp4", 16);
        icns.put("icp5", 32);
        icns.put("icp6", 64);
        icns.put("ic07", 128);
        icns.put("ic08", 256);
        icns.put("ic09", 512);
        icns.put("ic10", 1024);
        icns.put("ic11", 32);
        icns.put("ic12", 64);
        icns.put("ic13", 256);
        icns.put("ic14", 512);
        writeIcns(root.resolve("macos/parley.icns"), icns);
    }

    /** The mark on a transparent square of {@code size} pixels. */
    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.scale(size / 100.0, size / 100.0);

        // Bubble: a rounded rectangle with a tail at the lower left, on a 100 x 100 grid.
        Area bubble = new Area(new RoundRectangle2D.Double(6, 10, 88, 66, 30, 30));
        Path2D tail = new Path2D.Double();
        tail.moveTo(22, 66);
        tail.lineTo(14, 92);
        tail.lineTo(44, 72);
        tail.closePath();
        bubble.add(new Area(tail));
        g.setColor(ACCENT);
        g.fill(bubble);
        if (size >= 32) {
            g.setColor(ACCENT_DARK);
            g.setStroke(new BasicStroke(size >= 128 ? 1.5f : 2.5f));
            g.draw(bubble);
        }

        g.setColor(Color.WHITE);
        double r = size >= 24 ? 7 : 8.5;
        for (double cx : new double[] {30, 50, 70}) {
            g.fill(new Ellipse2D.Double(cx - r, 43 - r, 2 * r, 2 * r));
        }
        g.dispose();
        return image;
    }

    static byte[] png(int size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(draw(size), "png", out);
        return out.toByteArray();
    }

    /** An .ico with PNG-compressed entries (read by Windows Vista and later, and by jpackage's WiX build). */
    static void writeIco(Path file, int... sizes) throws IOException {
        byte[][] images = new byte[sizes.length][];
        for (int i = 0; i < sizes.length; i++) {
            images[i] = png(sizes[i]);
        }
        ByteBuffer header = ByteBuffer.allocate(6 + 16 * sizes.length).order(ByteOrder.LITTLE_ENDIAN);
        header.putShort((short) 0).putShort((short) 1).putShort((short) sizes.length);
        int offset = header.capacity();
        for (int i = 0; i < sizes.length; i++) {
            int dimension = sizes[i] >= 256 ? 0 : sizes[i]; // 0 means 256
            header.put((byte) dimension).put((byte) dimension).put((byte) 0).put((byte) 0);
            header.putShort((short) 1).putShort((short) 32);
            header.putInt(images[i].length).putInt(offset);
            offset += images[i].length;
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(header.array());
            for (byte[] image : images) {
                out.write(image);
            }
        }
    }

    /** An .icns whose entries are PNGs, the format macOS has read since 10.7. */
    static void writeIcns(Path file, Map<String, Integer> entries) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(body);
        for (Map.Entry<String, Integer> entry : entries.entrySet()) {
            byte[] image = png(entry.getValue());
            data.writeBytes(entry.getKey());
            data.writeInt(8 + image.length);
            data.write(image);
        }
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.writeBytes("icns");
            out.writeInt(8 + body.size());
            body.writeTo(out);
        }
    }
}
