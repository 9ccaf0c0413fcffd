package dev.parley.client.stickers;

import dev.parley.client.media.PhotoRejected;
import dev.parley.client.media.Sha256;
import dev.parley.client.media.StickerPicture;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Imports a sticker pack from a folder or a .zip of PNG, GIF and WebP pictures into an account's data folder. Every
 * file is read with hard caps (files, bytes per file, bytes in all, counted as they are unpacked, not as the zip
 * claims), every zip path is checked before anything else, every picture is checked and re-encoded by
 * {@link StickerPicture}, and only when all of it passed is the pack written, into a temporary folder that is then
 * renamed into place: a refused import leaves nothing behind. Blocking: call it off the FX thread.
 */
public final class StickerImport {
    /** Most entries a folder or zip may have (files and folders alike). */
    public static final int MAX_FILES = 200;
    /** Most folders a zip entry may sit in. */
    public static final int MAX_DEPTH = 8;
    /** Most stickers one pack may have. */
    public static final int MAX_STICKERS = 120;
    /** Most bytes the pictures of a pack may have once unpacked. */
    public static final long MAX_TOTAL_BYTES = 64L * 1024 * 1024;

    private StickerImport() {
    }

    /** Imports {@code source} (a folder, or a file that is a zip) and adds the pack to {@code library}. */
    public static StickerPack importInto(Path source, Path accountDir, StickerLibrary library)
            throws StickerImportException {
        StickerPack pack = importFrom(source, accountDir);
        library.add(pack);
        return pack;
    }

    /** Imports {@code source} into {@code accountDir}'s imported packs and answers the pack. */
    public static StickerPack importFrom(Path source, Path accountDir) throws StickerImportException {
        Map<String, byte[]> pictures = Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS) ? fromFolder(source)
                : fromZip(source);
        if (pictures.isEmpty()) {
            throw new StickerImportException(StickerImportException.Reason.EMPTY, null, "no PNG, GIF or WebP files");
        }
        if (pictures.size() > MAX_STICKERS) {
            throw new StickerImportException(StickerImportException.Reason.TOO_MANY_FILES, null,
                    pictures.size() + " pictures; a pack holds at most " + MAX_STICKERS);
        }
        List<StickerEntry> entries = new ArrayList<>();
        Map<String, byte[]> files = new LinkedHashMap<>();
        Set<String> ids = new HashSet<>();
        StringBuilder hashes = new StringBuilder();
        for (Map.Entry<String, byte[]> picture : pictures.entrySet()) {
            StickerPicture.Image image;
            try {
                image = StickerPicture.prepare(picture.getValue(), picture.getKey());
            } catch (PhotoRejected e) {
                throw new StickerImportException(StickerImportException.Reason.BAD_PICTURE, picture.getKey(),
                        e.reason() + " " + e.getMessage());
            }
            String id = uniqueId(baseName(picture.getKey()), ids);
            String file = id + (image.mime().equals("image/gif") ? ".gif" : ".png");
            files.put(file, image.bytes());
            entries.add(new StickerEntry(id, file, null, keywords(baseName(picture.getKey()))));
            hashes.append(Sha256.of(image.bytes()));
        }
        String packId = StickerPack.IMPORTED_PREFIX + Sha256.of(hashes.toString().getBytes(
                java.nio.charset.StandardCharsets.US_ASCII)).substring(0, 16);
        StickerPack pack = new StickerPack(packId, title(source), null, null, entries);
        write(StickerLibrary.importedDir(accountDir), pack, files);
        return pack;
    }

    private static Map<String, byte[]> fromFolder(Path folder) throws StickerImportException {
        Map<String, byte[]> pictures = new LinkedHashMap<>();
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(folder)) {
            for (Path child : listing) {
                children.add(child);
                if (children.size() > MAX_FILES) {
                    throw new StickerImportException(StickerImportException.Reason.TOO_MANY_FILES, null,
                            "more than " + MAX_FILES + " files");
                }
            }
        } catch (IOException e) {
            throw new StickerImportException(StickerImportException.Reason.UNREADABLE, null, e.toString());
        }
        children.sort(Comparator.comparing(path -> path.getFileName().toString()));
        long total = 0;
        for (Path child : children) {
            String name = child.getFileName().toString();
            if (Files.isSymbolicLink(child)) {
                throw new StickerImportException(StickerImportException.Reason.LINK, name, "a symbolic link");
            }
            if (!isPicture(name) || !Files.isRegularFile(child, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try (InputStream in = Files.newInputStream(child, LinkOption.NOFOLLOW_LINKS)) {
                byte[] bytes = readCapped(in, name, total);
                total += bytes.length;
                pictures.put(name, bytes);
            } catch (IOException e) {
                throw new StickerImportException(StickerImportException.Reason.UNREADABLE, name, e.toString());
            }
        }
        return pictures;
    }

    private static Map<String, byte[]> fromZip(Path zip) throws StickerImportException {
        Map<String, byte[]> pictures = new LinkedHashMap<>();
        Set<String> paths = new HashSet<>();
        int count = 0;
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip, LinkOption.NOFOLLOW_LINKS))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String path = entry.getName();
                if (++count > MAX_FILES) {
                    throw new StickerImportException(StickerImportException.Reason.TOO_MANY_FILES, null,
                            "more than " + MAX_FILES + " entries");
                }
                if (unsafe(path)) {
                    throw new StickerImportException(StickerImportException.Reason.UNSAFE_PATH, path,
                            "a path outside the pack");
                }
                checkPlace(path, paths);
                String name = path.substring(path.lastIndexOf('/') + 1);
                if (entry.isDirectory() || path.startsWith("__MACOSX/") || !isPicture(name)) {
                    continue;
                }
                // A symbolic link stored in a zip is a tiny file holding a path: it fails the picture checks below.
                byte[] bytes = readCapped(in, path, total);
                total += bytes.length;
                pictures.put(uniqueName(name, pictures.keySet()), bytes);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new StickerImportException(StickerImportException.Reason.UNREADABLE, null,
                    "not a zip Parley can read: " + e);
        }
        return pictures;
    }

    /** Reads one file, refusing it once it passes the per-picture or the whole pack's cap, whatever it claimed. */
    private static byte[] readCapped(InputStream in, String name, long before) throws IOException,
            StickerImportException {
        long room = Math.min(StickerPicture.MAX_SOURCE_BYTES, MAX_TOTAL_BYTES - before);
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, room + 1));
        if (bytes.length > room) {
            throw new StickerImportException(StickerImportException.Reason.TOO_LARGE, name, bytes.length
                    > StickerPicture.MAX_SOURCE_BYTES - 1 ? "a picture over " + StickerPicture.MAX_SOURCE_BYTES
                    + " bytes once unpacked" : "more than " + MAX_TOTAL_BYTES + " bytes once unpacked");
        }
        return bytes;
    }

    /** Refuses an entry nested too deep, or one whose path an earlier entry already had. */
    private static void checkPlace(String path, Set<String> paths) throws StickerImportException {
        String normal = path.replace('\\', '/');
        if (normal.chars().filter(c -> c == '/').count() > MAX_DEPTH) {
            throw new StickerImportException(StickerImportException.Reason.TOO_DEEP, path, "more than " + MAX_DEPTH
                    + " folders deep");
        }
        if (!paths.add(normal)) {
            throw new StickerImportException(StickerImportException.Reason.DUPLICATE, path, "the same path twice");
        }
    }

    static boolean unsafe(String path) {
        String normal = path.replace('\\', '/');
        if (normal.startsWith("/") || normal.matches("^[A-Za-z]:.*") || normal.indexOf('\0') >= 0) {
            return true;
        }
        for (String part : normal.split("/")) {
            if (part.equals("..")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPicture(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !lower.startsWith(".") && (lower.endsWith(".png") || lower.endsWith(".gif") || lower.endsWith(".webp"));
    }

    private static String uniqueName(String name, Set<String> taken) {
        String candidate = name;
        for (int n = 2; taken.contains(candidate); n++) {
            candidate = n + "-" + name;
        }
        return candidate;
    }

    private static String baseName(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** A sticker id from a file name: lower case, only the protocol's id alphabet, unique in the pack. */
    private static String uniqueId(String base, Set<String> taken) {
        String id = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[^a-z0-9]+", "");
        id = id.length() > 56 ? id.substring(0, 56) : id;
        if (id.isEmpty()) {
            id = "sticker";
        }
        String candidate = id;
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = id + "-" + n;
        }
        return candidate;
    }

    private static List<String> keywords(String base) {
        return Stream.of(base.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).filter(word -> word.length() > 1)
                .distinct().toList();
    }

    private static String title(Path source) {
        String name = baseName(String.valueOf(source.getFileName())).replace('_', ' ').strip();
        return name.isEmpty() ? "Stickers" : name.length() > 40 ? name.substring(0, 40) : name;
    }

    /** Writes the pack next to its final place and renames it in; an existing pack with the same id stays. */
    private static void write(Path dir, StickerPack pack, Map<String, byte[]> files) throws StickerImportException {
        Path temp = dir.resolve(".import-" + UUID.randomUUID());
        try {
            Files.createDirectories(temp);
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Files.write(temp.resolve(file.getKey()), file.getValue());
            }
            StickerLibrary.JSON.writerWithDefaultPrettyPrinter().writeValue(temp.resolve("manifest.json").toFile(),
                    pack);
            Path target = dir.resolve(pack.id());
            if (!Files.exists(target)) {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (FileAlreadyExistsException e) {
            // The same pack was imported before: it is already in place.
        } catch (IOException e) {
            throw new StickerImportException(StickerImportException.Reason.UNREADABLE, null, "cannot write the pack: "
                    + e);
        } finally {
            deleteTree(temp);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Best effort: a leftover temporary folder starts with '.' and is never read as a pack.
        }
    }
}
