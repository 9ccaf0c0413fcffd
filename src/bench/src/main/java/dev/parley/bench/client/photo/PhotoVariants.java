package dev.parley.bench.client.photo;

import dev.parley.bench.harness.Report;
import dev.parley.bench.harness.ScenarioCommand;
import dev.parley.client.media.PhotoPipeline;
import dev.parley.client.media.PhotoQuality;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import org.imgscalr.Scalr;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The ways a 12 MP JPEG can become a 2,048 px photo and a thumbnail, side by side in this JVM: ImageIO's full
 * decode with imgscalr's QUALITY, BALANCED and SPEED; ImageIO's subsampled decode; JavaFX's {@code Image} at a
 * requested size; the JPEG encode; the EXIF turn; and the client's own {@link PhotoPipeline} end to end. Each
 * time is the median of warm runs; each picture's PSNR is against an area-averaged downscale of the full image.
 */
@Command(name = "photo-variants", description = "Times the photo pipeline's variants (decode, downscale, encode) "
        + "on a 12 MP JPEG and compares their output quality.")
public final class PhotoVariants extends ScenarioCommand {
    private static final long SEED = 12;
    private static final float CLIENT_QUALITY = 0.85f;

    @Option(names = "--runs", description = "Measured runs per variant (default: ${DEFAULT-VALUE})")
    int runs = 15;

    @Option(names = "--warmup", description = "Unmeasured runs per variant first (default: ${DEFAULT-VALUE})")
    int warmup = 5;

    private final Map<String, BufferedImage> references = new HashMap<>();
    private BufferedImage full;
    private Report report;
    private int measuredRuns;
    private int warmupRuns;

    @Override
    protected void run(Report report) throws Exception {
        this.report = report;
        int width = quick ? 1600 : 4000;
        int height = quick ? 1200 : 3000;
        int edge = quick ? 800 : PhotoQuality.STANDARD.maxLongEdge();
        int thumb = PhotoPipeline.THUMBNAIL_EDGE;
        measuredRuns = quick ? 2 : runs;
        warmupRuns = quick ? 1 : warmup;
        byte[] upright = SamplePhoto.jpeg(width, height, 1, SEED);
        byte[] turned = SamplePhoto.withOrientation(SamplePhoto.encode(SamplePhoto.pixels(width, height, SEED), 0.92f),
                6);
        report.parameter("photo", width + "×" + height + " JPEG, " + upright.length + " bytes")
                .parameter("edge", edge).parameter("thumbnail", thumb)
                .parameter("runs", measuredRuns + " measured after " + warmupRuns + " warm-up, median")
                .parameter("reader", Pictures.firstReaderName(upright))
                .parameter("jvm", "the bench JVM itself (" + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB heap)");
        HeadlessFx.start();
        full = Pictures.decode(upright, Pictures.Reader.JDK, 1);

        time("decode: ImageIO, first reader (client)", () -> Pictures.decode(upright, Pictures.Reader.FIRST, 1));
        time("decode: ImageIO, JDK reader", () -> Pictures.decode(upright, Pictures.Reader.JDK, 1));

        String to = "to " + edge + ": ";
        BufferedImage standard = scaled(to + "ImageIO + QUALITY", upright, Scalr.Method.QUALITY, edge);
        scaled(to + "ImageIO + BALANCED", upright, Scalr.Method.BALANCED, edge);
        scaled(to + "ImageIO + SPEED", upright, Scalr.Method.SPEED, edge);
        quality(to + "ImageIO + PhotoPipeline.fit (client)", time(to + "ImageIO + PhotoPipeline.fit (client)",
                () -> PhotoPipeline.fit(Pictures.decode(upright, Pictures.Reader.FIRST, 1), edge)));
        quality(to + "ImageIO, INT_RGB copy + QUALITY", time(to + "ImageIO, INT_RGB copy + QUALITY",
                () -> Scalr.resize(Pictures.intRgb(Pictures.decode(upright, Pictures.Reader.FIRST, 1)),
                        Scalr.Method.QUALITY, edge)));
        int half = Math.max(2, width / edge);
        quality(to + "ImageIO subsampled ×" + half + " (no resize)", time(to + "ImageIO subsampled ×" + half
                + " (no resize)", () -> Pictures.decode(upright, Pictures.Reader.FIRST, half)));
        Image fxStandard = time(to + "JavaFX Image(w, h, smooth)", () -> fxImage(upright, edge));
        quality(to + "JavaFX Image(w, h, smooth)", SwingFXUtils.fromFXImage(fxStandard, null));
        time("JavaFX Image → BufferedImage (" + edge + ")", () -> SwingFXUtils.fromFXImage(fxStandard, null));

        String toThumb = "to " + thumb + ": ";
        quality(toThumb + "from " + edge + " + QUALITY", time(toThumb + "from " + edge + " + QUALITY",
                () -> Scalr.resize(standard, Scalr.Method.QUALITY, thumb)));
        quality(toThumb + "from " + edge + " + PhotoPipeline.fit (client)", time(toThumb + "from " + edge
                + " + PhotoPipeline.fit (client)", () -> PhotoPipeline.fit(standard, thumb)));
        scaled(toThumb + "ImageIO + QUALITY", upright, Scalr.Method.QUALITY, thumb);
        int sub = Math.max(1, Math.max(width, height) / (2 * thumb));
        quality(toThumb + "ImageIO ×" + sub + " + QUALITY", time(toThumb + "ImageIO ×" + sub + " + QUALITY",
                () -> Scalr.resize(Pictures.decode(upright, Pictures.Reader.FIRST, sub), Scalr.Method.QUALITY,
                        thumb)));
        Image fxThumb = time(toThumb + "JavaFX Image(w, h, smooth)", () -> fxImage(upright, thumb));
        quality(toThumb + "JavaFX Image(w, h, smooth)", SwingFXUtils.fromFXImage(fxThumb, null));

        time("encode: JPEG " + CLIENT_QUALITY + " of " + edge, () -> SamplePhoto.encode(standard, CLIENT_QUALITY));
        BufferedImage small = Scalr.resize(standard, Scalr.Method.QUALITY, thumb);
        time("encode: JPEG " + CLIENT_QUALITY + " of " + thumb, () -> SamplePhoto.encode(small, CLIENT_QUALITY));
        time("encode: JPEG " + CLIENT_QUALITY + " of " + width + "×" + height,
                () -> SamplePhoto.encode(full, CLIENT_QUALITY));
        time("EXIF 6: turn " + width + "×" + height + " (client)", () -> Scalr.rotate(full, Scalr.Rotation.CW_90));
        time("EXIF 6: turn " + edge + " px", () -> Scalr.rotate(standard, Scalr.Rotation.CW_90));

        PhotoPipeline pipeline = new PhotoPipeline();
        time("client: prepare(STANDARD)", () -> pipeline.prepare(upright, "sample.jpg", PhotoQuality.STANDARD));
        time("client: choices, Standard only (what a drop runs)", () -> pipeline.choices(upright, "sample.jpg"));
        time("client: choices, Standard only, EXIF 6", () -> pipeline.choices(turned, "turned.jpg"));
        time("client: choices + HD (a drop with HD chosen)",
                () -> pipeline.choices(upright, "sample.jpg").hd(Runnable::run).join());
        time("client: choices + HD, EXIF 6", () -> pipeline.choices(turned, "turned.jpg").hd(Runnable::run).join());
        report.note("PSNR rows (dB) compare each picture with an area-averaged downscale of the full decode to the "
                + "same size: higher is closer, above ~40 dB no difference shows.");
    }

    private BufferedImage scaled(String name, byte[] jpeg, Scalr.Method method, int edge) throws Exception {
        BufferedImage out = time(name, () -> Scalr.resize(Pictures.decode(jpeg, Pictures.Reader.FIRST, 1),
                method, edge));
        quality(name, out);
        return out;
    }

    private static Image fxImage(byte[] jpeg, int edge) {
        Image image = new Image(new ByteArrayInputStream(jpeg), edge, edge, true, true);
        if (image.isError()) {
            throw new IllegalStateException("JavaFX cannot decode the photo", image.getException());
        }
        return image;
    }

    private <T> T time(String name, Callable<T> work) throws Exception {
        Timed<T> timed = Timed.measure(warmupRuns, measuredRuns, work);
        report.row(name, "ms", timed.medianMillis(), null, null);
        return timed.result();
    }

    private void quality(String name, BufferedImage picture) {
        String size = picture.getWidth() + "×" + picture.getHeight();
        BufferedImage reference = references.computeIfAbsent(size,
                key -> Pictures.areaAveraged(full, picture.getWidth(), picture.getHeight()));
        report.row(name + " " + size, "dB PSNR", Pictures.psnr(picture, reference), null, null);
    }
}
