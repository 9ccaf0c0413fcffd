package dev.parley.client.stickers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.parley.client.stickers.StickerImportException.Reason;
import dev.parley.client.testing.BombPictures;
import dev.parley.client.testing.SamplePictures;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile sticker packs — zip slip, absolute paths, symbolic links, zip bombs, duplicate and deeply nested
 * entries — are refused with a reason the picker turns into a sentence, and leave no trace: no file written
 * anywhere (inside or outside the account), no temporary folder, no pack in the library.
 */
class HostileStickerPackTest {
    private static final byte[] PICTURE = BombPictures.png(SamplePictures.quadrants(64, 64));

    @TempDir
    Path temp;
    private Path account;
    private StickerLibrary library;
    private List<String> packsBefore;

    @BeforeEach
    void anAccountWithItsBuiltInPacks() throws IOException {
        account = Files.createDirectories(temp.resolve("account"));
        library = StickerLibrary.load(account);
        packsBefore = library.packs().stream().map(StickerPack::id).toList();
    }

    @Test
    void aZipEntryClimbingOutWithDotDotIsRefused() throws Exception {
        Path zip = zip("slip.zip", Map.of("ok.png", PICTURE, "../../escaped.png", PICTURE));

        refused(zip, Reason.UNSAFE_PATH, "../../escaped.png");
        assertThat(temp.resolve("escaped.png")).doesNotExist();
    }

    @Test
    void aZipEntryWithAnAbsolutePathIsRefused() throws Exception {
        Path target = temp.resolve("absolute.png");
        Path zip = zip("absolute.zip", Map.of(target.toString(), PICTURE));

        refused(zip, Reason.UNSAFE_PATH, target.toString());
        assertThat(target).doesNotExist();
    }

    @Test
    void aSymbolicLinkPointingOutOfTheFolderIsRefusedAndItsTargetIsUntouched() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("linked"));
        Files.write(folder.resolve("a.png"), PICTURE);
        Path outside = Files.write(temp.resolve("outside.png"), PICTURE);
        Files.createSymbolicLink(folder.resolve("b.png"), outside);

        refused(folder, Reason.LINK, "b.png");
        assertThat(Files.readAllBytes(outside)).isEqualTo(PICTURE);
    }

    @Test
    void aZipBombOfOneEntryIsRefusedOnceItsUnpackedBytesPassTheCap() throws Exception {
        Path zip = temp.resolve("bomb.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("bomb.png"));
            writeZeros(out, 256L * 1024 * 1024);
        }
        assertThat(Files.size(zip)).as("256 MiB of zeros packs small").isLessThan(1024 * 1024);

        refused(zip, Reason.TOO_LARGE, "bomb.png");
    }

    @Test
    void aZipBombOfManyEntriesIsRefusedOnceTheirBytesAddUpPastThePackCap() throws Exception {
        Path zip = temp.resolve("many.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (int i = 0; i < 20; i++) {
                out.putNextEntry(new ZipEntry("part" + i + ".png"));
                writeZeros(out, 4L * 1024 * 1024);
            }
        }

        StickerImportException refusal = refused(zip, Reason.TOO_LARGE, "part16.png");
        assertThat(refusal.getMessage()).contains("more than " + StickerImport.MAX_TOTAL_BYTES);
    }

    @Test
    void aZipOfMoreEntriesThanAPackHoldsIsRefused() throws Exception {
        Map<String, byte[]> entries = new TreeMap<>();
        for (int i = 0; i <= StickerImport.MAX_FILES; i++) {
            entries.put("empty/" + i + "/", new byte[0]);
        }

        refused(zip("entries.zip", entries), Reason.TOO_MANY_FILES, null);
    }

    @Test
    void aDeeplyNestedEntryIsRefused() throws Exception {
        String deep = "d/".repeat(StickerImport.MAX_DEPTH + 1) + "deep.png";

        refused(zip("deep.zip", Map.of(deep, PICTURE)), Reason.TOO_DEEP, deep);
    }

    @Test
    void aZipInsideTheZipIsNotUnpacked() throws Exception {
        byte[] inner = Files.readAllBytes(zip("inner.zip", Map.of("inner.png", PICTURE)));

        refused(zip("outer.zip", Map.of("inner.zip", inner)), Reason.EMPTY, null);
    }

    @Test
    void theSamePathTwiceInOneZipIsRefused() throws Exception {
        // Java's zip writer refuses duplicate names, so the second entry is renamed in the written bytes.
        Path zip = zip("twice.zip", new TreeMap<>(Map.of("a.png", PICTURE, "b.png", BombPictures.png(
                SamplePictures.gradient(32, 32)))));
        String bytes = new String(Files.readAllBytes(zip), StandardCharsets.ISO_8859_1);
        Files.write(zip, bytes.replace("b.png", "a.png").getBytes(StandardCharsets.ISO_8859_1));

        refused(zip, Reason.DUPLICATE, "a.png");
    }

    /** Imports {@code source}, expects a refusal for {@code reason} naming {@code file}, and no trace of it. */
    private StickerImportException refused(Path source, Reason reason, String file) throws IOException {
        Map<Path, Long> before = files(temp);

        StickerImportException refusal = catchThrowableOfType(StickerImportException.class,
                () -> StickerImport.importInto(source, account, library));

        assertThat(refusal).as("refused").isNotNull();
        assertThat(refusal.reason()).as(refusal.getMessage()).isEqualTo(reason);
        assertThat(refusal.file()).isEqualTo(file);
        assertThat(files(temp)).as("nothing written, nothing left behind").isEqualTo(before);
        assertThat(library.packs()).extracting(StickerPack::id).containsExactlyElementsOf(packsBefore);
        assertThat(StickerLibrary.load(account).packs()).extracting(StickerPack::id)
                .containsExactlyElementsOf(packsBefore);
        return refusal;
    }

    /** Every file and folder under {@code root} with its size, links not followed. */
    private static Map<Path, Long> files(Path root) throws IOException {
        Map<Path, Long> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.toList()) {
                files.put(root.relativize(path), Files.isRegularFile(path) ? Files.size(path) : -1L);
            }
        }
        return files;
    }

    private Path zip(String name, Map<String, byte[]> entries) throws IOException {
        Path zip = temp.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
            }
        }
        return zip;
    }

    private static void writeZeros(OutputStream out, long count) throws IOException {
        byte[] zeros = new byte[1024 * 1024];
        for (long written = 0; written < count; written += zeros.length) {
            out.write(zeros);
        }
    }
}
