package dev.parley.client.stickers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.client.testing.AnimatedGifs;
import dev.parley.client.testing.SamplePictures;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Importing sticker packs: what becomes a pack, and what is refused with nothing written. */
class StickerImportTest {
    @TempDir
    Path temp;

    private Path account() {
        return temp.resolve("account");
    }

    @Test
    void aFolderBecomesAPackThatSurvivesReloadingWithAnimatedGifsKeptByteForByte() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("Studio Cats"));
        ImageIO.write(SamplePictures.quadrants(1000, 800), "png", folder.resolve("Big Cat.png").toFile());
        byte[] gif = AnimatedGifs.looping(120, 120, 10, Color.RED, Color.BLUE);
        Files.write(folder.resolve("wave.gif"), gif);

        StickerPack pack = StickerImport.importFrom(folder, account());

        assertThat(pack.id()).startsWith(StickerPack.IMPORTED_PREFIX);
        assertThat(pack.title()).isEqualTo("Studio Cats");
        assertThat(pack.stickers()).extracting(StickerEntry::id).containsExactly("big-cat", "wave");
        StickerLibrary reloaded = StickerLibrary.load(account());
        assertThat(reloaded.pack(pack.id())).isPresent();
        assertThat(reloaded.image(pack.id(), "wave")).hasValue(gif);
        var big = ImageIO.read(new java.io.ByteArrayInputStream(reloaded.image(pack.id(), "big-cat").orElseThrow()));
        assertThat(big.getWidth()).isEqualTo(512);
        assertThat(reloaded.packs()).extracting(StickerPack::id).startsWith("moods", "critters");
    }

    @Test
    void aSymbolicLinkInTheFolderIsRefusedAndNothingIsWritten() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("linked"));
        ImageIO.write(SamplePictures.quadrants(64, 64), "png", folder.resolve("ok.png").toFile());
        Path secret = Files.writeString(temp.resolve("secret.png"), "not yours");
        Files.createSymbolicLink(folder.resolve("sneaky.png"), secret);

        assertThatThrownBy(() -> StickerImport.importFrom(folder, account()))
                .isInstanceOf(StickerImportException.class)
                .extracting(e -> ((StickerImportException) e).reason()).isEqualTo(StickerImportException.Reason.LINK);
        assertThat(account()).doesNotExist();
    }

    @Test
    void aZipWithTooManyEntriesOrANonPictureIsRefusedAndNothingIsWritten() throws Exception {
        Path many = temp.resolve("many.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(many))) {
            for (int i = 0; i <= StickerImport.MAX_FILES; i++) {
                out.putNextEntry(new ZipEntry("n" + i + ".txt"));
            }
        }
        Path fake = temp.resolve("fake.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(fake))) {
            out.putNextEntry(new ZipEntry("photo.png"));
            out.write("#!/bin/sh\necho not a picture\n".getBytes());
        }

        assertThatThrownBy(() -> StickerImport.importFrom(many, account()))
                .extracting(e -> ((StickerImportException) e).reason())
                .isEqualTo(StickerImportException.Reason.TOO_MANY_FILES);
        assertThatThrownBy(() -> StickerImport.importFrom(fake, account()))
                .extracting(e -> ((StickerImportException) e).reason())
                .isEqualTo(StickerImportException.Reason.BAD_PICTURE);
        if (Files.exists(account())) {
            try (Stream<Path> files = Files.walk(account())) {
                assertThat(files.filter(Files::isRegularFile)).isEmpty();
            }
        }
    }

    @Test
    void zipPathsThatLeaveThePackAreUnsafe() {
        assertThat(StickerImport.unsafe("../x.png")).isTrue();
        assertThat(StickerImport.unsafe("a/../../x.png")).isTrue();
        assertThat(StickerImport.unsafe("/etc/x.png")).isTrue();
        assertThat(StickerImport.unsafe("C:\\x.png")).isTrue();
        assertThat(StickerImport.unsafe("..\\x.png")).isTrue();
        assertThat(StickerImport.unsafe("cats/x..png")).isFalse();
    }
}
