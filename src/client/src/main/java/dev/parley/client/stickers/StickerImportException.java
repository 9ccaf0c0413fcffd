package dev.parley.client.stickers;

/** A folder or zip that cannot become a sticker pack, and why; nothing of it was written. */
public final class StickerImportException extends Exception {
    /** Why an import was refused; the UI turns it into a sentence. */
    public enum Reason {
        /** No PNG, GIF or WebP pictures in it. */
        EMPTY,
        /** A zip entry whose path leaves the pack: "../", an absolute path, a drive letter. */
        UNSAFE_PATH,
        /** The same path twice in a zip: which of them a tool unpacks is up to the tool, so neither is trusted. */
        DUPLICATE,
        /** A zip entry inside more folders than a pack may nest. */
        TOO_DEEP,
        /** A symbolic link in the folder. */
        LINK,
        /** More files than a pack may have. */
        TOO_MANY_FILES,
        /** More bytes, once unpacked, than a pack may have (a zip bomb, or simply too big). */
        TOO_LARGE,
        /** A picture that is not one, too large, or damaged; {@link #file()} names it. */
        BAD_PICTURE,
        /** The folder or zip cannot be read at all. */
        UNREADABLE
    }

    private final Reason reason;
    private final String file;

    public StickerImportException(Reason reason, String file, String detail) {
        super(reason + (file == null ? "" : " (" + file + ")") + ": " + detail);
        this.reason = reason;
        this.file = file;
    }

    public Reason reason() {
        return reason;
    }

    /** The file or entry at fault, or null. */
    public String file() {
        return file;
    }
}
