package dev.parley.client.stickers;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sticker packs one account can send from: the built-in packs (on the class path, from {@code assets/stickers})
 * and the packs this account imported ({@code stickers/<pack>/} in its data folder). Reading is blocking: load and
 * read images off the FX thread.
 */
public final class StickerLibrary {
    static final String RESOURCES = "/dev/parley/client/stickers/";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger log = LoggerFactory.getLogger(StickerLibrary.class);
    /** A manifest names files in its own folder only. */
    private static final Pattern PLAIN_FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final Path importedDir;
    private final List<StickerPack> packs = new ArrayList<>();

    private StickerLibrary(Path importedDir) {
        this.importedDir = importedDir;
    }

    /** The built-in packs and those imported into {@code accountDir}; blocking. */
    public static StickerLibrary load(Path accountDir) {
        StickerLibrary library = new StickerLibrary(importedDir(accountDir));
        library.packs.addAll(builtIn());
        library.packs.addAll(imported(library.importedDir));
        return library;
    }

    static Path importedDir(Path accountDir) {
        return accountDir.resolve("stickers");
    }

    /** Every pack, built-in ones first, in the order the picker shows them. */
    public synchronized List<StickerPack> packs() {
        return List.copyOf(packs);
    }

    public synchronized Optional<StickerPack> pack(String packId) {
        return packs.stream().filter(pack -> pack.id().equals(packId)).findFirst();
    }

    /** Adds a pack that was just imported (or replaces the one with its id). */
    public synchronized void add(StickerPack pack) {
        packs.removeIf(known -> known.id().equals(pack.id()));
        packs.add(pack);
    }

    /** The bytes of a sticker's image, if this library has that pack and sticker; blocking. */
    public Optional<byte[]> image(String packId, String stickerId) {
        Optional<StickerPack> pack = pack(packId);
        Optional<StickerEntry> entry = pack.flatMap(found -> found.sticker(stickerId));
        if (entry.isEmpty() || !PLAIN_FILE.matcher(entry.get().file()).matches()) {
            return Optional.empty();
        }
        try {
            if (pack.get().imported()) {
                Path file = importedDir.resolve(packId).resolve(entry.get().file());
                return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
            }
            try (InputStream in = StickerLibrary.class.getResourceAsStream(RESOURCES + packId + "/"
                    + entry.get().file())) {
                return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
            }
        } catch (IOException e) {
            log.warn("Cannot read sticker {}/{}: {}", packId, stickerId, e.toString());
            return Optional.empty();
        }
    }

    private static List<StickerPack> builtIn() {
        List<StickerPack> found = new ArrayList<>();
        try (InputStream index = StickerLibrary.class.getResourceAsStream(RESOURCES + "packs.json")) {
            if (index == null) {
                log.warn("No built-in sticker packs on the class path");
                return found;
            }
            for (String id : JSON.readValue(index, new TypeReference<List<String>>() { })) {
                try (InputStream manifest = StickerLibrary.class.getResourceAsStream(RESOURCES + id
                        + "/manifest.json")) {
                    if (manifest != null) {
                        found.add(JSON.readValue(manifest, StickerPack.class));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in sticker packs", e);
        }
        return found;
    }

    private static List<StickerPack> imported(Path dir) {
        List<StickerPack> found = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return found;
        }
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(dir, Files::isDirectory)) {
            List<Path> sorted = new ArrayList<>();
            folders.forEach(sorted::add);
            sorted.sort(null);
            for (Path folder : sorted) {
                Path manifest = folder.resolve("manifest.json");
                if (!folder.getFileName().toString().startsWith(StickerPack.IMPORTED_PREFIX)
                        || !Files.isRegularFile(manifest)) {
                    continue;
                }
                try {
                    StickerPack pack = JSON.readValue(manifest.toFile(), StickerPack.class);
                    if (pack.id().equals(folder.getFileName().toString())) {
                        found.add(pack);
                    }
                } catch (IOException e) {
                    log.warn("Skipping the unreadable sticker pack {}: {}", folder, e.toString());
                }
            }
        } catch (IOException e) {
            log.warn("Cannot list imported sticker packs in {}: {}", dir, e.toString());
        }
        return found;
    }
}
