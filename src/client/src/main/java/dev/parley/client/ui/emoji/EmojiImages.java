package dev.parley.client.ui.emoji;

import dev.parley.client.emoji.EmojiCatalogue;
import dev.parley.client.emoji.Glyph;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emoji catalogue with its pictures: one sprite sheet, decoded once in the background, from which each emoji
 * is cut (and scaled down with an area filter) the first time it is drawn at a size, then shared.
 *
 * <p>The sheet is a 4,092 px square palette PNG and stays in memory as one byte per pixel (16 MiB; as a JavaFX
 * {@code Image} it took four, 64 MiB). Its decode is not started by start-up itself but once the inbox is painted
 * (or a moment after start), so that it does not compete with the first frame for the CPU (docs/BENCHMARKS.md).
 */
public final class EmojiImages {
    private static final Logger log = LoggerFactory.getLogger(EmojiImages.class);
    private static final String SHEET = "/dev/parley/client/emoji/sheet-64.png";
    /** Pixels of one emoji in the sheet; each cell adds a 1 px border on every side. */
    private static final int CELL = 64;
    /** Pictures are cut at twice the size they are shown, so they stay sharp on high-density screens. */
    private static final double OVERSAMPLE = 2;
    private static volatile CompletableFuture<EmojiImages> shared;
    /** Completes when the pictures have loaded, without asking for them (see {@link #whenReady}). */
    private static final CompletableFuture<EmojiImages> READY = new CompletableFuture<>();
    /** How long after start the sheet is decoded at the latest, if no inbox is painted before. */
    private static final long LOAD_AFTER_START_SECONDS = 3;

    private final EmojiCatalogue catalogue;
    private final BufferedImage sheet;
    private final Map<Key, Image> cut = new ConcurrentHashMap<>();

    private record Key(Glyph glyph, int pixels) {
    }

    private EmojiImages(EmojiCatalogue catalogue, BufferedImage sheet) {
        this.catalogue = catalogue;
        this.sheet = sheet;
    }

    /** The app's emoji pictures, loading the catalogue and the sheet on background threads the first time. */
    public static CompletableFuture<EmojiImages> shared() {
        CompletableFuture<EmojiImages> loading = shared;
        if (loading == null) {
            synchronized (EmojiImages.class) {
                if (shared == null) {
                    CompletableFuture<BufferedImage> sheet = CompletableFuture.supplyAsync(EmojiImages::readSheet,
                            runnable -> {
                                Thread thread = new Thread(runnable, "parley-emoji-sheet");
                                thread.setDaemon(true);
                                thread.start();
                            });
                    long started = System.nanoTime();
                    shared = EmojiCatalogue.shared().thenCombine(sheet, EmojiImages::new).whenComplete(
                            (images, failure) -> {
                                if (failure != null) {
                                    log.error("Emoji stay text: the emoji set did not load", failure);
                                } else {
                                    READY.complete(images);
                                    log.info("Emoji set ready in {} ms",
                                            (System.nanoTime() - started) / 1_000_000);
                                }
                            });
                }
                loading = shared;
            }
        }
        return loading;
    }

    /** The pictures if they have loaded, for code that must not wait (it shows plain text until then). */
    public static Optional<EmojiImages> ifReady() {
        CompletableFuture<EmojiImages> loading = shared;
        return loading != null && loading.isDone() && !loading.isCompletedExceptionally()
                ? Optional.of(loading.join()) : Optional.empty();
    }

    /** Runs {@code action} on the FX thread once the pictures are ready; does not start loading them. */
    public static void whenReady(Runnable action) {
        READY.thenRun(() -> Platform.runLater(action));
    }

    /**
     * Starts loading the pictures a few seconds from now at the latest; {@link #shared()} (an inbox painted, the
     * picker opened, an emoji typed) starts it sooner.
     */
    public static void loadSoon() {
        CompletableFuture.delayedExecutor(LOAD_AFTER_START_SECONDS, TimeUnit.SECONDS).execute(EmojiImages::shared);
    }

    private static BufferedImage readSheet() {
        try (InputStream in = EmojiImages.class.getResourceAsStream(SHEET)) {
            if (in == null) {
                throw new IllegalStateException("the emoji sheet " + SHEET + " is not on the class path");
            }
            BufferedImage image = ImageIO.read(in);
            if (image == null) {
                throw new IllegalStateException("cannot decode the emoji sheet " + SHEET);
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the emoji sheet", e);
        }
    }

    public EmojiCatalogue catalogue() {
        return catalogue;
    }

    /** The picture of {@code glyph} for showing at {@code size} px. */
    public Image image(Glyph glyph, double size) {
        int pixels = (int) Math.min(CELL, Math.ceil(size * OVERSAMPLE));
        return cut.computeIfAbsent(new Key(glyph, pixels), key -> cutOut(key.glyph(), key.pixels()));
    }

    private Image cutOut(Glyph glyph, int pixels) {
        int[] source = sheet.getRGB(glyph.sheetX() * (CELL + 2) + 1, glyph.sheetY() * (CELL + 2) + 1, CELL, CELL,
                null, 0, CELL);
        WritableImage image = new WritableImage(pixels, pixels);
        image.getPixelWriter().setPixels(0, 0, pixels, pixels, PixelFormat.getIntArgbInstance(),
                pixels == CELL ? source : shrink(source, pixels), 0, pixels);
        return image;
    }

    /** Averages the source pixels under each target pixel, weighting colour by alpha so edges keep no dark rim. */
    private static int[] shrink(int[] source, int pixels) {
        int[] target = new int[pixels * pixels];
        double scale = (double) CELL / pixels;
        for (int ty = 0; ty < pixels; ty++) {
            int y0 = (int) (ty * scale);
            int y1 = Math.max(y0 + 1, (int) Math.ceil((ty + 1) * scale));
            for (int tx = 0; tx < pixels; tx++) {
                int x0 = (int) (tx * scale);
                int x1 = Math.max(x0 + 1, (int) Math.ceil((tx + 1) * scale));
                long a = 0;
                long r = 0;
                long g = 0;
                long b = 0;
                int count = 0;
                for (int y = y0; y < y1 && y < CELL; y++) {
                    for (int x = x0; x < x1 && x < CELL; x++) {
                        int argb = source[y * CELL + x];
                        int alpha = argb >>> 24;
                        a += alpha;
                        r += (long) ((argb >> 16) & 0xFF) * alpha;
                        g += (long) ((argb >> 8) & 0xFF) * alpha;
                        b += (long) (argb & 0xFF) * alpha;
                        count++;
                    }
                }
                target[ty * pixels + tx] = a == 0 ? 0 : (int) (a / count) << 24 | (int) (r / a) << 16
                        | (int) (g / a) << 8 | (int) (b / a);
            }
        }
        return target;
    }
}
